" dlglossary with ALE (https://github.com/dense-analysis/ale), Vim 8.2+ or Neovim.
" Put this in ~/.vim/plugin/dlglossary.vim (or your vimrc), after ALE is installed.
"
" Settings go under the "dlglossary" key of lsp_config: ALE answers the server's
" workspace/configuration request for the "dlglossary" section with that object.

let g:dlglossary_settings = get(g:, 'dlglossary_settings', {})

function! DlglossaryProjectRoot(buffer) abort
  for l:marker in ['dlglossary.toml', 'pyproject.toml', '.git']
    let l:found = ale#path#FindNearestFile(a:buffer, l:marker)
    if empty(l:found)
      let l:found = ale#path#FindNearestDirectory(a:buffer, l:marker)
    endif
    if !empty(l:found)
      return fnamemodify(l:found, ':h' . (l:marker is# '.git' ? ':h' : ''))
    endif
  endfor
  return expand('#' . a:buffer . ':p:h')
endfunction

for s:filetype in ['markdown', 'rst', 'python', 'tex', 'text']
  call ale#linter#Define(s:filetype, {
  \   'name': 'dlglossary',
  \   'lsp': 'stdio',
  \   'executable': {b -> ale#Var(b, 'dlglossary_executable')},
  \   'command': '%e',
  \   'project_root': function('DlglossaryProjectRoot'),
  \   'language': {b -> get({'rst': 'restructuredtext', 'tex': 'latex', 'text': 'plaintext'},
  \                          getbufvar(b, '&filetype'), getbufvar(b, '&filetype'))},
  \   'lsp_config': {b -> {'dlglossary': g:dlglossary_settings}},
  \})
endfor
let g:ale_dlglossary_executable = get(g:, 'ale_dlglossary_executable', 'dlglossary-lsp')
