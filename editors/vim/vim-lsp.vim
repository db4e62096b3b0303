" dlglossary for vim-lsp (https://github.com/prabirshrestha/vim-lsp).
" Copy to ~/.vim/plugin/dlglossary.vim; README.md beside this file has the details.
"
" Settings: g:dlglossary_settings, an object with the server's keys (ignoredWords,
" select, severity, glossaries, ...). vim-lsp answers the server's
" workspace/configuration request for the "dlglossary" section by looking that key up
" in workspace_config, so workspace_config wraps the settings in it.
" Server: g:dlglossary_executable, default dlglossary-lsp on PATH.

let g:dlglossary_settings = get(g:, 'dlglossary_settings', {})
let g:dlglossary_executable = get(g:, 'dlglossary_executable', 'dlglossary-lsp')

" Vim filetype -> the LSP language id the server knows.
let s:languages = {
\   'markdown': 'markdown',
\   'rst': 'restructuredtext',
\   'python': 'python',
\   'tex': 'latex',
\   'plaintex': 'latex',
\   'text': 'plaintext',
\}

" vim-lsp calls this with the buffer being opened as the current one.
function! s:Language(server_info) abort
  for l:filetype in split(&filetype, '\.')
    if has_key(s:languages, l:filetype)
      return s:languages[l:filetype]
    endif
  endfor
  return &filetype
endfunction

" The nearest folder with one of the markers (vim-lsp's rule: a name ending in '/' is
" a folder); an empty root makes vim-lsp fall back to the current directory.
function! s:RootUri(server_info) abort
  let l:root = lsp#utils#find_nearest_parent_file_directory(
  \   lsp#utils#get_buffer_path(), ['dlglossary.toml', 'pyproject.toml', '.git/'])
  return empty(l:root) ? '' : lsp#utils#path_to_uri(l:root)
endfunction

if executable(g:dlglossary_executable)
  augroup dlglossary_lsp
    autocmd!
    autocmd User lsp_setup call lsp#register_server({
    \   'name': 'dlglossary',
    \   'cmd': {server_info -> [g:dlglossary_executable]},
    \   'allowlist': keys(s:languages),
    \   'root_uri': function('s:RootUri'),
    \   'languageId': function('s:Language'),
    \   'workspace_config': {server_info -> {'dlglossary': g:dlglossary_settings}},
    \ })
  augroup END
endif
