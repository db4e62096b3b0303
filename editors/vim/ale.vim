" dlglossary for ALE (https://github.com/dense-analysis/ale), Vim 8.2+ or Neovim.
" Copy to ~/.vim/plugin/dlglossary.vim; README.md beside this file has the vimrc lines.
"
" Settings: g:dlglossary_settings, an object with the server's keys (ignoredWords,
" select, severity, glossaries, ...). ALE 3.x does not answer the server's
" workspace/configuration request; it sends a linter's lsp_config in a
" workspace/didChangeConfiguration notification when it starts the server, and the
" server reads the "dlglossary" key of that notification. Hence the wrapping below.
" Server: g:ale_dlglossary_executable, default dlglossary-lsp on PATH.

let g:dlglossary_settings = get(g:, 'dlglossary_settings', {})
let g:ale_dlglossary_executable = get(g:, 'ale_dlglossary_executable', 'dlglossary-lsp')

" Vim filetype -> the LSP language id the server knows.
let s:languages = {
\   'markdown': 'markdown',
\   'rst': 'restructuredtext',
\   'python': 'python',
\   'tex': 'latex',
\   'plaintex': 'latex',
\   'text': 'plaintext',
\}

" The nearest folder with dlglossary.toml, else pyproject.toml, else .git (a folder, or
" the file a worktree has); the file's own folder when there is none. ALE starts one
" server per root and starts none without a root.
function! s:ProjectRoot(buffer) abort
  for l:marker in ['dlglossary.toml', 'pyproject.toml', '.git']
    let l:file = ale#path#FindNearestFile(a:buffer, l:marker)
    if !empty(l:file)
      return fnamemodify(l:file, ':h')
    endif
    let l:folder = ale#path#FindNearestDirectory(a:buffer, l:marker)
    if !empty(l:folder)
      " The folder comes back as '/project/.git/': drop the slash, then '.git'.
      return fnamemodify(l:folder, ':h:h')
    endif
  endfor
  return fnamemodify(bufname(a:buffer), ':p:h')
endfunction

" Compound filetypes such as 'markdown.pandoc' use their first known part.
function! s:Language(buffer) abort
  for l:filetype in split(getbufvar(a:buffer, '&filetype'), '\.')
    if has_key(s:languages, l:filetype)
      return s:languages[l:filetype]
    endif
  endfor
  return getbufvar(a:buffer, '&filetype')
endfunction

for s:filetype in keys(s:languages)
  call ale#linter#Define(s:filetype, {
  \   'name': 'dlglossary',
  \   'lsp': 'stdio',
  \   'executable': {buffer -> ale#Var(buffer, 'dlglossary_executable')},
  \   'command': '%e',
  \   'project_root': function('s:ProjectRoot'),
  \   'language': function('s:Language'),
  \   'lsp_config': {buffer -> {'dlglossary': g:dlglossary_settings}},
  \})
endfor
