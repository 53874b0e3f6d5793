package pylib

// ClosedGeneratorMethods names methods of library base classes that the
// library itself calls by name and whose generator it drives and then
// closes deterministically (`aclose()` / `close()` in a `finally` around
// the whole drive). A `with` held across a `yield` of such an override is
// exited when the library's call ends, not when the garbage collector
// finalises the generator (ASYNC119's concern), and the method's name and
// shape are the library's protocol: neither `@asynccontextmanager` nor an
// `aclosing()` at a caller can stand in for it.
type ClosedGeneratorMethods struct {
	// Bases are the library classes whose subclasses' methods these are;
	// a library class that LibraryBases records as deriving from one is
	// covered too.
	Bases []string
	// Names are the exact method names the library calls.
	Names []string
	// Note cites where the library closes the generator.
	Note string
}

var closedGeneratorMethods []*ClosedGeneratorMethods

// ClosedGeneratorMethodsNamed returns the records whose methods include one
// named method, or nil.
func ClosedGeneratorMethodsNamed(method string) []*ClosedGeneratorMethods {
	var out []*ClosedGeneratorMethods
	for _, r := range closedGeneratorMethods {
		for _, n := range r.Names {
			if n == method {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// Covers reports whether the library class named class (qualified) is one
// of r's bases or derives from one.
func (r *ClosedGeneratorMethods) Covers(class string) bool {
	for _, b := range r.Bases {
		if DerivesFrom(class, b) {
			return true
		}
	}
	return false
}

// httpx drives an Auth's flow itself and always closes it: read in httpx
// 0.23.3 (Debian python3-httpx, /work/corpus/src/python3-httpx),
// httpx/_client.py AsyncClient._send_handling_auth: `auth_flow =
// auth.async_auth_flow(request)`, then `__anext__()` / `asend(response)`
// in a loop, all inside `try: ... finally: await auth_flow.aclose()`
// (lines 1643-1668); Client._send_handling_auth the same with
// `sync_auth_flow`, `next`/`send` and `finally: auth_flow.close()` (lines
// 931-956). httpx/_auth.py's Auth docstring tells subclasses that need I/O
// or locks to override `sync_auth_flow()` / `async_auth_flow()`; the class
// is defined in httpx/_auth.py and exported as httpx.Auth, as are its
// subclasses BasicAuth and DigestAuth.
func init() {
	for _, c := range []string{"httpx._auth.Auth", "httpx.BasicAuth", "httpx._auth.BasicAuth", "httpx.DigestAuth", "httpx._auth.DigestAuth"} {
		LibraryBases[c] = append(LibraryBases[c], "httpx.Auth")
	}
	closedGeneratorMethods = append(closedGeneratorMethods, &ClosedGeneratorMethods{
		Bases: []string{"httpx.Auth"},
		Names: []string{"async_auth_flow", "sync_auth_flow"},
		Note:  "httpx/_client.py _send_handling_auth: `finally: await auth_flow.aclose()` (httpx 0.23.3)",
	})
}
