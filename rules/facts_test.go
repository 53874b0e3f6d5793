package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/pylib"
)

// Every family the library table files blocking calls under has a rule that
// reads the blockingCalls fact: otherwise those calls are classified and
// never reported.
func TestBlockingFamiliesHaveRules(t *testing.T) {
	for code := range pylib.BlockingCodes() {
		r := Lookup(code)
		if r == nil {
			t.Errorf("the library table files blocking calls under %s, which is no rule", code)
			continue
		}
		if !r.requires(blockingCalls) {
			t.Errorf("%s is a blocking family of the library table but does not require the blockingCalls fact", code)
		}
	}
	// blockingCalls asks a rule's NonBlocking only about calls of the
	// rule's family: on any other rule it would never run.
	families := pylib.BlockingCodes()
	for _, r := range All() {
		if r.NonBlocking != nil && !families[r.Code] {
			t.Errorf("%s says which calls of its family cannot block, but the library table files no blocking call under it", r.Code)
		}
	}
}

// A rule that reads a fact it does not list fails loudly, so Requires stays
// a true account of what the rule depends on.
func TestUnlistedFactPanics(t *testing.T) {
	r := &Rule{Code: "TEST1"}
	p := &Pass{Rule: r}
	defer func() {
		if recover() == nil {
			t.Error("reading an unlisted fact did not panic")
		}
	}()
	blockingCalls.of(p)
}

// ASL402 consults exactly the rules that carry its delay, and they consult
// it; the rules that follow helpers consult the off-by-default blocking
// families.
func TestConsultedFollowsRequires(t *testing.T) {
	consulted := func(code string) map[string]bool {
		out := map[string]bool{}
		for _, c := range Consulted(code) {
			out[c] = true
		}
		return out
	}
	byASL402 := consulted("ASL402")
	for _, r := range All() {
		carries := r != ASL402 && r.requires(blockingDelays)
		if byASL402[r.Code] != carries {
			t.Errorf("%s: consulted by ASL402 = %v, carries its delay = %v", r.Code, byASL402[r.Code], carries)
		}
		if carries && !consulted(r.Code)["ASL402"] {
			t.Errorf("Consulted(%s) = %v, want ASL402 among them", r.Code, Consulted(r.Code))
		}
	}
	for _, code := range []string{"ASYNC251", "ASYNC200", "ASL201", "ASL202"} {
		if !byASL402[code] {
			t.Errorf("ASL402 does not consult %s", code)
		}
	}
	for code := range pylib.BlockingCodes() {
		if r := Lookup(code); r != nil && !r.Default {
			for _, follower := range []string{"ASL201", "ASYNC124", "ASL402"} {
				if !consulted(follower)[code] {
					t.Errorf("%s follows helpers but does not consult the off-by-default family %s", follower, code)
				}
			}
		}
	}
}

// sharedCodeMentions are the files that may name another rule's code, and
// why. Everything else about a rule is in its own file.
var sharedCodeMentions = map[string]map[string]string{
	"rule.go":                  {"ASL100": "unused noqa comments are judged after every other rule has run"},
	"facts.go":                 {"ASL402": "Consulted: its blockingDelays fact is what the blocking rules' messages carry"},
	"async220.go":              {"ASYNC221": "one reading of os.spawn*'s mode decides between starting (ASYNC220) and waiting (ASYNC221)"},
	"asl402_blocking_delay.go": {"ASL201": "ASL402 leaves the calls at the end of ASL201's chains to ASL201"},
	"asl201.go": {"ASYNC230": "asl201-local-files names the local file families it leaves out of chains",
		"ASYNC231": "asl201-local-files names the local file families it leaves out of chains",
		"ASYNC232": "asl201-local-files names the local file families it leaves out of chains",
		"ASYNC240": "asl201-local-files names the local file families it leaves out of chains"},
	"aliases.go": {"ASYNC124": "ruff's name for it", "ASYNC300": "ruff's name for it"},
	"asl100.go": {"ASL301": "a line's `# noqa: RUF006` silences it: ruff's RUF006 also reports a task kept in an unused local",
		"ASYNC100": "the first flake8-async's (and ruff < 0.5's) code for blocking calls, kept in a noqa (ruffNoqaAlso)", "ASYNC101": "the first flake8-async's (and ruff < 0.5's) code for blocking calls, kept in a noqa (ruffNoqaAlso)", "ASYNC102": "the first flake8-async's (and ruff < 0.5's) code for blocking calls, kept in a noqa (ruffNoqaAlso)",
		"ASYNC210": "a line's noqa with the first flake8-async's (and ruff < 0.5's) code for blocking calls silences it (ruffNoqaAlso)", "ASYNC211": "a line's noqa with the first flake8-async's (and ruff < 0.5's) code for blocking calls silences it (ruffNoqaAlso)", "ASYNC212": "a line's noqa with the first flake8-async's (and ruff < 0.5's) code for blocking calls silences it (ruffNoqaAlso)", "ASYNC220": "a line's noqa with the first flake8-async's (and ruff < 0.5's) code for blocking calls silences it (ruffNoqaAlso)", "ASYNC221": "a line's noqa with the first flake8-async's (and ruff < 0.5's) code for blocking calls silences it (ruffNoqaAlso)",
		"ASYNC222": "a line's noqa with the first flake8-async's (and ruff < 0.5's) code for blocking calls silences it (ruffNoqaAlso)", "ASYNC230": "a line's noqa with the first flake8-async's (and ruff < 0.5's) code for blocking calls silences it (ruffNoqaAlso)", "ASYNC251": "a line's noqa with the first flake8-async's (and ruff < 0.5's) code for blocking calls silences it (ruffNoqaAlso)"},
	"async103.go": {"ASYNC104": "a handler left only by return is ASYNC104's finding at the return, when that rule is on"},
	"async230.go": {"ASYNC232": "the calls on a file the coroutine opens are folded into the open's finding, when ASYNC232 is on too"},
	"async232.go": {"ASYNC230": "its calls on a file the coroutine opens are folded into ASYNC230's finding at the open, when that rule is on"},
	"async104.go": {"ASYNC103": "a return in a handler that also falls through is named in ASYNC103's finding, when that rule is on"},
	"async222.go": {"ASYNC220": "a wait on a process the coroutine starts itself is left to ASYNC220's finding at the start, when that rule is on"},
}

// A rule's code appears in no file but its own (as a string or as the
// rule's variable), except where sharedCodeMentions says why: nothing
// outside a rule's file switches on its code.
func TestRuleCodesStayInTheirFiles(t *testing.T) {
	isCode := regexp.MustCompile(`^(ASYNC|ASL)[0-9]+$`)
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	home := map[string]string{} // code -> the file that registers it
	mentions := map[string]map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		mentions[name] = map[string]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for _, id := range n.Names {
					if isCode.MatchString(id.Name) {
						home[id.Name] = name
					}
				}
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING && isCode.MatchString(s) {
					mentions[name][s] = true
				}
			case *ast.Ident:
				if isCode.MatchString(n.Name) {
					mentions[name][n.Name] = true
				}
			}
			return true
		})
	}
	if len(home) < len(All()) {
		t.Fatalf("found the files of %d rules, want %d", len(home), len(All()))
	}
	for file, codes := range mentions {
		for code := range codes {
			if home[code] == file || sharedCodeMentions[file][code] != "" {
				continue
			}
			t.Errorf("%s names %s, whose logic belongs in %s (or say why in sharedCodeMentions)", file, code, home[code])
		}
	}
}
