" Vim driver for tests/editors/test_vim.py, run as
"   vim -N -i NONE -es -u ~/.vimrc -S vim.vim
" after the test has set ~/.vimrc and ~/.vim/plugin/dlglossary.vim up the way
" editors/vim/README.md tells a user to (ALE from Debian's vim-ale, editors/vim/ale.vim).
"
" Environment: DLG_CASES (JSON: [{file, hovers: [[line, character]], diagnostics,
" type}], LSP positions, 0-based), DLG_OUT (where the JSON result goes),
" DLG_TIMEOUT_MS. Hovers go through :ALEHover into ALE's preview window
" (g:ale_hover_to_preview, set here), diagnostics through ALE's loclist.

let s:timeout = str2nr(empty($DLG_TIMEOUT_MS) ? '20000' : $DLG_TIMEOUT_MS)
let s:result = {'files': [], 'errors': []}
let s:started = {}

" :ALEHover echoes by default; the preview window keeps the text where we can read it.
let g:ale_hover_to_preview = 1

augroup dlg_driver
  autocmd!
  " ALE's documented event for "an LSP server is ready for this buffer".
  autocmd User ALELSPStarted let s:started[bufnr('')] = 1
augroup END

" Sleep in short steps until Condition() is true or the timeout passes. :sleep lets
" Vim run the job callbacks and timers ALE relies on.
function! s:Wait(Condition) abort
  let l:waited = 0
  while !a:Condition() && l:waited < s:timeout
    sleep 20m
    let l:waited += 20
  endwhile
  return a:Condition()
endfunction

" The dlglossary connections that have this buffer open.
function! s:Connections(buffer) abort
  return filter(values(ale#lsp#GetConnections()),
  \ {_, c -> c.id =~# 'dlglossary-lsp' && has_key(c.open_documents, a:buffer)})
endfunction

function! s:PreviewLines() abort
  let l:buffer = bufnr('ALEPreviewWindow')
  return l:buffer < 0 ? [] : getbufline(l:buffer, 1, '$')
endfunction

function! s:Hover(line, character) abort
  silent! pclose!
  call cursor(a:line + 1, a:character + 1)
  ALEHover
  if !s:Wait({-> !empty(s:PreviewLines())})
    return v:null
  endif
  let l:text = join(s:PreviewLines(), "\n")
  silent! pclose!
  return l:text
endfunction

function! s:Diagnostics(buffer) abort
  return filter(copy(ale#engine#GetLoclist(a:buffer)),
  \ {_, d -> get(d, 'linter_name', '') is# 'dlglossary'})
endfunction

function! s:RunCase(case) abort
  execute 'edit' fnameescape(a:case.file)
  let l:buffer = bufnr('')
  let l:entry = {'file': a:case.file, 'filetype': &filetype, 'hovers': [], 'diagnostics': []}
  call add(s:result.files, l:entry)
  let l:entry.attached = s:Wait({-> has_key(s:started, l:buffer)
  \ && !empty(s:Connections(l:buffer))}) ? v:true : v:false
  if !l:entry.attached
    return
  endif
  let l:connection = s:Connections(l:buffer)[0]
  let l:entry.root = l:connection.root
  let l:entry.connection = l:connection.id
  for [l:line, l:character] in a:case.hovers
    call add(l:entry.hovers, s:Hover(l:line, l:character))
  endfor
  if get(a:case, 'diagnostics', v:false)
    let l:type = get(a:case, 'type', '')
    call s:Wait({-> !empty(filter(s:Diagnostics(l:buffer),
    \ {_, d -> empty(l:type) || d.type is# l:type}))})
    for l:d in s:Diagnostics(l:buffer)
      call add(l:entry.diagnostics, {
      \ 'lnum': l:d.lnum, 'col': l:d.col, 'end_col': get(l:d, 'end_col', v:null),
      \ 'text': l:d.text, 'code': get(l:d, 'code', v:null), 'type': l:d.type,
      \})
    endfor
  endif
endfunction

function! s:Main() abort
  try
    for l:case in json_decode($DLG_CASES)
      call s:RunCase(l:case)
    endfor
  catch
    call add(s:result.errors, v:exception . ' at ' . v:throwpoint)
  endtry
  call writefile([json_encode(s:result)], $DLG_OUT)
  ALEStopAllLSPs
  qall!
endfunction

" Start once Vim has started up, as a user would; ++nested so that :edit fires the
" BufRead and FileType autocommands that ALE lints on.
autocmd dlg_driver VimEnter * ++once ++nested call s:Main()
