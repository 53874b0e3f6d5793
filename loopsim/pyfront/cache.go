package pyfront

import (
	"sync"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

// translated returns Translate(f), remembering the last few files: ASL401
// and hover hints estimate many regions of one file, and translating the
// whole file for each was most of their cost. A File is immutable, so its
// translation is too; the simulator only reads programs, and isolate
// extends a copy.
func translated(f *analysis.File) *loopsim.Program {
	translations.Lock()
	for i, e := range translations.recent {
		if e.file == f {
			// Move to the front.
			copy(translations.recent[1:i+1], translations.recent[:i])
			translations.recent[0] = e
			translations.Unlock()
			return e.prog
		}
	}
	translations.Unlock()
	prog := Translate(f)
	translations.Lock()
	defer translations.Unlock()
	if len(translations.recent) < cachedTranslations {
		translations.recent = append(translations.recent, translation{})
	}
	copy(translations.recent[1:], translations.recent[:len(translations.recent)-1])
	translations.recent[0] = translation{file: f, prog: prog}
	return prog
}

// cachedTranslations bounds the cache: each entry keeps a File alive.
const cachedTranslations = 4

type translation struct {
	file *analysis.File
	prog *loopsim.Program
}

var translations struct {
	sync.Mutex
	recent []translation
}
