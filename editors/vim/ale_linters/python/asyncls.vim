" ALE linter for asyncls (https://github.com/asyncls/asyncls): runs `asyncls serve` over LSP.
" Put editors/vim on 'runtimepath' (or copy this file to ~/.vim/ale_linters/python/) and
" enable it:  let g:ale_linters = {'python': ['asyncls']}
"
" Options:
"   g:ale_python_asyncls_executable  the asyncls executable (default 'asyncls')
"   g:ale_python_asyncls_config      server settings with camelCase keys, e.g.
"                                    {'asyncls': {'select': ['ASYNC'], 'debounceMs': 100}}

call ale#Set('python_asyncls_executable', 'asyncls')
call ale#Set('python_asyncls_config', {})

function! ale_linters#python#asyncls#GetProjectRoot(buffer) abort
    let l:pyproject = ale#path#FindNearestFile(a:buffer, 'pyproject.toml')
    if !empty(l:pyproject)
        return fnamemodify(l:pyproject, ':h')
    endif
    let l:git = ale#path#FindNearestDirectory(a:buffer, '.git')
    if !empty(l:git)
        return fnamemodify(l:git, ':h:h')
    endif
    return expand('#' . a:buffer . ':p:h')
endfunction

call ale#linter#Define('python', {
\   'name': 'asyncls',
\   'lsp': 'stdio',
\   'executable': {b -> ale#Var(b, 'python_asyncls_executable')},
\   'command': '%e serve',
\   'project_root': function('ale_linters#python#asyncls#GetProjectRoot'),
\   'lsp_config': {b -> ale#Var(b, 'python_asyncls_config')},
\})
