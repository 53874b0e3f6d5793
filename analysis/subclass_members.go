package analysis

// SubclassDefines reports whether a class of the project deriving from cls
// (directly or through other project classes, each named in its own
// module's base list: directSubclasses) defines attr in any way: a method
// or property, a binding of its body, `self.attr = ...` in a method. Its
// instances run cls's methods with their own value for the name.
//
// The answer depends on the modules that name cls (and each subclass
// found) among a class's bases: they import its module (or a package above
// it) and hold its name, as the callers of a function do, so each class
// asked about is recorded as a CallerQuery (the class's name, its module's
// path), as mixinHostMethod's question is. Ask it only where the answer
// decides a finding (ASL202's in-memory sqlite exemption asks it once the
// exemption would hold): each question makes a streamed check hold, and
// check again, the modules that import cls's module and hold its name.
func (p *Project) SubclassDefines(cls *Class, attr string) bool {
	if p == nil || cls == nil || attr == "" {
		return false
	}
	seen := map[*Class]bool{cls: true}
	queue := []*Class{cls}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if p.recordCallers != nil && c.module != nil && c.module.File != nil {
			p.recordCallers(CallerQuery{Word: c.Name, Path: c.module.File.Path})
		}
		for _, sub := range p.directSubclasses()[c.FullName()] {
			if seen[sub] {
				continue
			}
			seen[sub] = true
			if sub.Methods[attr] != nil || len(sub.Attrs[attr]) > 0 || sub.Scope != nil && sub.Scope.Bindings.Get(attr) != nil {
				return true
			}
			queue = append(queue, sub)
		}
	}
	return false
}
