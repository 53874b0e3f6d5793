package rules

import (
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

// ASL402 consults exactly the rules that carry its delay, and they consult it.
func TestConsultedFollowsRequires(t *testing.T) {
	consulted := map[string]bool{}
	for _, c := range Consulted("ASL402") {
		consulted[c] = true
	}
	for _, r := range All() {
		carries := r != ASL402 && r.requires(blockingDelays)
		if consulted[r.Code] != carries {
			t.Errorf("%s: consulted by ASL402 = %v, carries its delay = %v", r.Code, consulted[r.Code], carries)
		}
		if carries && (len(Consulted(r.Code)) != 1 || Consulted(r.Code)[0] != "ASL402") {
			t.Errorf("Consulted(%s) = %v, want [ASL402]", r.Code, Consulted(r.Code))
		}
	}
	for _, code := range []string{"ASYNC251", "ASYNC200", "ASL201", "ASL202"} {
		if !consulted[code] {
			t.Errorf("ASL402 does not consult %s", code)
		}
	}
}
