package report

import "strings"

// DiffOp is one line of a line diff.
type DiffOp struct {
	Kind             byte // ' ' kept, '-' removed, '+' added
	Text             string
	OldLine, NewLine int // 1-based line numbers this op sits at
}

// DiffLines is a line diff: common prefix and suffix are kept, the middle
// is aligned by a longest common subsequence (fixes change a few lines, so
// the middle is small; a huge middle is shown as replaced wholesale).
func DiffLines(x, y []string) []DiffOp {
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	post := 0
	for post < len(x)-pre && post < len(y)-pre && x[len(x)-1-post] == y[len(y)-1-post] {
		post++
	}
	var ops []DiffOp
	ol, nl := 1, 1
	emit := func(kind byte, text string) {
		ops = append(ops, DiffOp{kind, text, ol, nl})
		if kind != '+' {
			ol++
		}
		if kind != '-' {
			nl++
		}
	}
	for _, l := range x[:pre] {
		emit(' ', l)
	}
	mx, my := x[pre:len(x)-post], y[pre:len(y)-post]
	if len(mx)*len(my) > 4_000_000 {
		for _, l := range mx {
			emit('-', l)
		}
		for _, l := range my {
			emit('+', l)
		}
	} else {
		// lcs[i][j] is the LCS length of mx[i:] and my[j:].
		lcs := make([][]int, len(mx)+1)
		for i := range lcs {
			lcs[i] = make([]int, len(my)+1)
		}
		for i := len(mx) - 1; i >= 0; i-- {
			for j := len(my) - 1; j >= 0; j-- {
				if mx[i] == my[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(mx) || j < len(my) {
			switch {
			case i < len(mx) && j < len(my) && mx[i] == my[j]:
				emit(' ', mx[i])
				i++
				j++
			case i < len(mx) && (j == len(my) || lcs[i+1][j] >= lcs[i][j+1]):
				emit('-', mx[i])
				i++
			default:
				emit('+', my[j])
				j++
			}
		}
	}
	for _, l := range x[len(x)-post:] {
		emit(' ', l)
	}
	return ops
}

// SplitKeep splits s into lines that keep their terminators.
func SplitKeep(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
