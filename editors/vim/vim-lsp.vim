" dlglossary with vim-lsp (https://github.com/prabirshrestha/vim-lsp).
" Put this in ~/.vim/plugin/dlglossary.vim (or your vimrc).
"
" Settings go in workspace_config under the "dlglossary" key: vim-lsp answers the
" server's workspace/configuration request for "dlglossary" from it.

if executable('dlglossary-lsp')
  augroup dlglossary_lsp
    autocmd!
    autocmd User lsp_setup call lsp#register_server({
    \   'name': 'dlglossary',
    \   'cmd': {server_info -> ['dlglossary-lsp']},
    \   'allowlist': ['markdown', 'rst', 'python', 'tex', 'text'],
    \   'root_uri': {server_info -> lsp#utils#path_to_uri(
    \       lsp#utils#find_nearest_parent_file_directory(lsp#utils#get_buffer_path(),
    \           ['dlglossary.toml', 'pyproject.toml', '.git/']))},
    \   'languageId': {server_info -> get({'rst': 'restructuredtext', 'tex': 'latex',
    \       'text': 'plaintext'}, &filetype, &filetype)},
    \   'workspace_config': {'dlglossary': {
    \       'ignoredWords': [],
    \   }},
    \ })
  augroup END
endif
