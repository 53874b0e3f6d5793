package lint

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"hash"
	"io"
	"os"
	"path/filepath"
	"time"
)

// The cache file is written record by record, so that a run writes each
// entry when it is done (a cold run of a large project: as each part of
// the streamed check is done, stream.go) instead of holding every entry to
// the end:
//
//	sha256 of the rest | gob: cacheHeader, cacheRecord..., cacheRecord{End}
//
// A record holds a path's entry, replacing any earlier one, or the
// digests that make its entry checked (cacheFinal): an entry written
// before what its findings depend on is known gets them in a later
// record, and one that never gets them is not trusted (Checked false).
// A file without its End record, or whose checksum does not match, is
// ignored.

type cacheHeader struct {
	Format int
}

type cacheRecord struct {
	Path  string
	Entry *cacheEntry
	Final *cacheFinal
	End   bool
	// Env: the record of the environment's libraries (cacheFile's EnvKey
	// and Libraries), written last.
	Env       bool
	EnvKey    [32]byte
	Libraries map[string]string
}

// cacheFinal is what a checked module's entry records of what its findings
// depend on beyond the module itself, known once every module is
// summarised (cacheGraph.final); apply makes the entry checked.
type cacheFinal struct {
	Deps         [32]byte
	Threads      [32]byte
	OverrideDeps [32]byte
	Subclasses   bool
	SubclassDeps [32]byte
	// Callers and CallerDeps (cacheEntry's), and CallerKeys, the entry's
	// value questions with those its caller questions asked (the streamed
	// run knows them only at the end).
	Callers    []string
	CallerDeps [32]byte
	CallerKeys map[string]bool
}

func (f *cacheFinal) apply(e *cacheEntry) {
	e.Checked = true
	e.Deps, e.Threads, e.OverrideDeps = f.Deps, f.Threads, f.OverrideDeps
	e.Subclasses, e.SubclassDeps = f.Subclasses, f.SubclassDeps
	e.Callers, e.CallerDeps = f.Callers, f.CallerDeps
	addQueries(e, f.CallerKeys)
}

func readCacheFile(path string) *cacheFile {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < sha256.Size {
		return nil
	}
	// The file starts with the checksum of the rest: a file damaged in a way
	// that still decodes is not trusted either.
	if sum := sha256.Sum256(data[sha256.Size:]); !bytes.Equal(sum[:], data[:sha256.Size]) {
		return nil
	}
	f := &cacheFile{Entries: map[string]*cacheEntry{}}
	// A corrupt file may make gob panic on some inputs: it is ignored too.
	ok := func() (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		dec := gob.NewDecoder(bytes.NewReader(data[sha256.Size:]))
		var h cacheHeader
		if dec.Decode(&h) != nil || h.Format != cacheFormat {
			return false
		}
		for {
			var r cacheRecord
			if dec.Decode(&r) != nil {
				return false
			}
			switch {
			case r.End:
				return true
			case r.Env:
				f.EnvKey, f.Libraries = r.EnvKey, r.Libraries
			case r.Entry != nil:
				f.Entries[r.Path] = r.Entry
			case r.Final != nil:
				if e := f.Entries[r.Path]; e != nil {
					r.Final.apply(e)
				}
			}
		}
	}()
	if !ok {
		return nil
	}
	return f
}

// cacheWriter writes a new cache file (see above) beside the old one,
// which it replaces atomically on commit.
type cacheWriter struct {
	c   *Cache
	tmp *os.File
	buf *bufio.Writer
	sum hash.Hash
	enc *gob.Encoder
	err error
}

// create starts a new cache file, creating the directory with a .gitignore
// that ignores it.
func (c *Cache) create() (*cacheWriter, error) {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return nil, err
	}
	ignore := filepath.Join(c.dir, ".gitignore")
	if _, err := os.Stat(ignore); errors.Is(err, os.ErrNotExist) {
		if err := os.WriteFile(ignore, []byte("# Created by asyncls: the cache is not part of the project.\n*\n"), 0o644); err != nil {
			return nil, err
		}
	}
	tmp, err := os.CreateTemp(c.dir, ".check-*.tmp")
	if err != nil {
		return nil, err
	}
	w := &cacheWriter{c: c, tmp: tmp, buf: bufio.NewWriterSize(tmp, 1<<16), sum: sha256.New()}
	w.buf.Write(make([]byte, sha256.Size)) // the checksum, on commit
	w.enc = gob.NewEncoder(io.MultiWriter(w.buf, w.sum))
	w.put(cacheHeader{Format: cacheFormat})
	return w, nil
}

func (w *cacheWriter) put(v any) {
	if w.err == nil {
		w.err = w.enc.Encode(v)
	}
}

// entry writes path's entry (replacing any written before).
func (w *cacheWriter) entry(path string, e *cacheEntry) {
	w.put(cacheRecord{Path: path, Entry: e})
}

// final writes the digests that make path's entry checked.
func (w *cacheWriter) final(path string, f *cacheFinal) {
	w.put(cacheRecord{Path: path, Final: f})
}

// commit ends the file and puts it in place of the old one (then prunes
// the directory); on an error nothing is replaced.
func (w *cacheWriter) commit() error {
	w.put(w.c.libraryRecord())
	w.put(cacheRecord{End: true})
	if w.err == nil {
		w.err = w.buf.Flush()
	}
	if w.err == nil {
		_, w.err = w.tmp.WriteAt(w.sum.Sum(nil), 0)
	}
	if w.err == nil {
		w.err = w.tmp.Chmod(0o644)
	}
	if err := w.tmp.Close(); w.err == nil {
		w.err = err
	}
	if w.err == nil {
		w.err = os.Rename(w.tmp.Name(), w.c.file)
	}
	if w.err != nil {
		os.Remove(w.tmp.Name())
		return w.err
	}
	w.c.prune(time.Now())
	return nil
}

// abort drops the file being written.
func (w *cacheWriter) abort() {
	w.tmp.Close()
	os.Remove(w.tmp.Name())
}

// write replaces the cache file with entries.
func (c *Cache) write(entries map[string]*cacheEntry) error {
	w, err := c.create()
	if err != nil {
		return err
	}
	for path, e := range entries {
		w.entry(path, e)
	}
	return w.commit()
}
