" Headless Vim + ALE test against the real `asyncls serve`.
" Run: ASYNCLS_BIN=... timeout 120 vim -N -u editors/vim/test.vim -es
" Writes PASS/FAIL lines to $ASYNCLS_VIM_RESULT (ex mode has no stdout) and exits non-zero on failure.
let s:here = expand('<sfile>:p:h')
let s:fixture = fnamemodify(s:here . '/../fixtures/project/app.py', ':p')
let s:result_file = empty($ASYNCLS_VIM_RESULT) ? '/dev/stdout' : $ASYNCLS_VIM_RESULT
let s:lines = []
let s:failures = 0

function! s:Out(line) abort
    call add(s:lines, a:line)
    call writefile([a:line], s:result_file, 'a')
endfunction

function! s:Finish() abort
    call s:Out(s:failures == 0 ? 'PASS vim-ale: all steps' : 'FAIL vim-ale: ' . s:failures . ' step(s) failed')
    execute s:failures == 0 ? 'qall!' : 'cquit!'
endfunction

if empty($ASYNCLS_BIN)
    call s:Out('FAIL vim-ale: set ASYNCLS_BIN to the asyncls executable')
    cquit!
endif

set nocompatible noswapfile
let &runtimepath = '/usr/share/vim-ale,' . s:here . ',' . &runtimepath
let g:ale_linters = {'python': ['asyncls']}
let g:ale_linters_explicit = 1
let g:ale_python_asyncls_executable = $ASYNCLS_BIN
let g:ale_python_asyncls_config = {'asyncls': {'debounceMs': 50}}
let g:ale_lint_delay = 0
filetype plugin on
runtime plugin/ale.vim

" The findings the fixture declares in `# CODE:` comments (1-based lines).
let s:expected = []
let s:lnum = 0
for s:text in readfile(s:fixture)
    let s:lnum += 1
    let s:match = matchlist(s:text, '#\s*\(\(ASYNC\|ASL\)\d\+\):')
    if !empty(s:match)
        call add(s:expected, {'lnum': s:lnum, 'code': s:match[1]})
    endif
endfor

function! s:Has(code, lnum) abort
    for l:item in get(get(g:ale_buffer_info, bufnr(''), {}), 'loclist', [])
        if get(l:item, 'code', '') is# a:code && l:item.lnum == a:lnum
            return 1
        endif
    endfor
    return 0
endfunction

function! s:AllExpected() abort
    for l:finding in s:expected
        if !s:Has(l:finding.code, l:finding.lnum)
            return 0
        endif
    endfor
    return 1
endfunction

execute 'edit ' . fnameescape(s:fixture)
set filetype=python
ALELint

let s:deadline = reltimefloat(reltime()) + 20
while !s:AllExpected() && reltimefloat(reltime()) < s:deadline
    sleep 50m
endwhile

let s:label = join(map(copy(s:expected), 'v:val.code . "@" . v:val.lnum'), ', ')
if len(s:expected) >= 2 && s:AllExpected()
    call s:Out('PASS vim-ale: expected codes appear (' . s:label . ')')
else
    let s:failures += 1
    let s:got = map(copy(get(get(g:ale_buffer_info, bufnr(''), {}), 'loclist', [])), 'get(v:val, "code", "?") . "@" . v:val.lnum')
    call s:Out('FAIL vim-ale: expected codes (' . s:label . ') but got [' . join(s:got, ', ') . ']')
endif
" Hover through ALE's LSP client, shown in the preview window.
let g:ale_hover_to_preview = 1
let s:sleep_line = filter(copy(s:expected), 'v:val.code is# "ASYNC251"')
if !empty(s:sleep_line)
    let s:row = s:sleep_line[0].lnum
    call cursor(s:row, stridx(getline(s:row), 'time.sleep') + 7)
    ALEHover
    let s:deadline = reltimefloat(reltime()) + 20
    let s:hover = ''
    while reltimefloat(reltime()) < s:deadline
        let s:preview = filter(getwininfo(), 'getwinvar(v:val.winid, "&previewwindow")')
        if !empty(s:preview)
            let s:hover = join(getbufline(s:preview[0].bufnr, 1, '$'), "\n")
            break
        endif
        sleep 50m
    endwhile
    if s:hover =~# 'ASYNC251'
        call s:Out('PASS vim-ale: :ALEHover on time.sleep shows the ASYNC251 explanation')
    else
        let s:failures += 1
        call s:Out('FAIL vim-ale: :ALEHover showed ' . string(s:hover))
    endif
endif
call s:Finish()
