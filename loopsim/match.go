package loopsim

func (c *ctx) execMatch(fr *frame, st *Match) (ctrl, Value, error) {
	subject, err := c.eval(fr, st.Subject)
	if err != nil {
		return ctrlNext, nil, err
	}
	for _, cs := range st.Cases {
		ok, known, err := c.matchPattern(fr, cs.Pattern, subject)
		if err != nil {
			return ctrlNext, nil, err
		}
		if !known {
			c.s.assumeOn(st.P, 0.6, subject, describe(st.Subject), "match subject %[1]s cannot be known statically%[2]s; assumed the first case that could match", describe(st.Subject))
			ok = true
		}
		if !ok {
			continue
		}
		if cs.Guard != nil {
			g, err := c.eval(fr, cs.Guard)
			if err != nil {
				return ctrlNext, nil, err
			}
			b, known := truth(g)
			if !known {
				c.s.assumeOn(st.P, 0.7, g, describe(cs.Guard), "case guard %s cannot be known statically%s; assumed true", describe(cs.Guard))
				b = true
			}
			if !b {
				continue
			}
		}
		return c.execBlock(fr, cs.Body)
	}
	return ctrlNext, nil, nil
}

// matchPattern reports whether v matches p, binding captures in fr; known
// is false when v is unknown and the outcome cannot be decided.
func (c *ctx) matchPattern(fr *frame, p *Pattern, v Value) (ok, known bool, err error) {
	switch p.Kind {
	case PatWildcard:
		return true, true, nil
	case PatCapture:
		fr.set(p.Name, v)
		return true, true, nil
	case PatAs:
		ok, known, err = c.matchPattern(fr, p.Elts[0], v)
		if ok && err == nil {
			fr.set(p.Name, v)
		}
		return ok, known, err
	case PatOr:
		allKnown := true
		for _, alt := range p.Elts {
			ok, known, err := c.matchPattern(fr, alt, v)
			if err != nil || ok {
				return ok, known, err
			}
			allKnown = allKnown && known
		}
		return false, allKnown, nil
	case PatUnknown:
		return false, false, nil
	}
	if isUnknown(v) {
		return false, false, nil
	}
	switch p.Kind {
	case PatValue:
		want, err := c.eval(fr, p.Value)
		if err != nil {
			return false, true, err
		}
		if want == nil || isBool(want) {
			same, _ := c.compare("is", v, want)
			return same, true, nil
		}
		eq, known := c.equal(v, want)
		return eq, known, nil
	case PatSequence:
		l, isList := v.(*List)
		if !isList || l.Kind == "set" {
			return false, true, nil
		}
		star := -1
		for i, e := range p.Elts {
			if e.Kind == PatStar {
				star = i
			}
		}
		n := len(l.Elems)
		if (star < 0 && n != len(p.Elts)) || (star >= 0 && n < len(p.Elts)-1) {
			return false, true, nil
		}
		allKnown := true
		for i, e := range p.Elts {
			if i == star {
				if e.Name != "" {
					after := len(p.Elts) - star - 1
					fr.set(e.Name, &List{Kind: "list", Elems: append([]Value(nil), l.Elems[star:n-after]...)})
				}
				continue
			}
			idx := i
			if star >= 0 && i > star {
				idx = n - (len(p.Elts) - i)
			}
			ok, known, err := c.matchPattern(fr, e, l.Elems[idx])
			if err != nil || (!ok && known) {
				return false, true, err
			}
			allKnown = allKnown && known
		}
		return allKnown, allKnown, nil
	case PatMapping:
		d, isDict := v.(*Dict)
		if !isDict {
			return false, true, nil
		}
		used := map[int]bool{}
		allKnown := true
		for i, ke := range p.Keys {
			k, err := c.eval(fr, ke)
			if err != nil {
				return false, true, err
			}
			idx := d.index(k)
			if idx < 0 {
				return false, true, nil
			}
			used[idx] = true
			ok, known, err := c.matchPattern(fr, p.Vals[i], d.Vals[idx])
			if err != nil || (!ok && known) {
				return false, true, err
			}
			allKnown = allKnown && known
		}
		if p.Name != "" {
			rest := &Dict{}
			for i := range d.Keys {
				if !used[i] {
					rest.set(d.Keys[i], d.Vals[i])
				}
			}
			fr.set(p.Name, rest)
		}
		return allKnown, allKnown, nil
	case PatClass:
		cv, err := c.eval(fr, p.Value)
		if err != nil {
			return false, true, err
		}
		if !isInstanceOf(v, cv) {
			return false, true, nil
		}
		inst, _ := v.(*Instance)
		var matchArgs []string
		if inst != nil {
			matchArgs = inst.Class.Fields
			if ma, ok := inst.Class.lookup("__match_args__"); ok {
				if l, ok := ma.(*List); ok {
					matchArgs = nil
					for _, e := range l.Elems {
						if s, ok := e.(string); ok {
							matchArgs = append(matchArgs, s)
						}
					}
				}
			}
		}
		allKnown := true
		for i, sub := range p.Elts {
			var item Value
			switch {
			case inst != nil && i < len(matchArgs):
				item = inst.Attrs[matchArgs[i]]
			case inst == nil && i == 0:
				item = v // int(x), str(s): the subject itself
			default:
				return false, false, nil
			}
			ok, known, err := c.matchPattern(fr, sub, item)
			if err != nil || (!ok && known) {
				return false, true, err
			}
			allKnown = allKnown && known
		}
		for i, name := range p.KwNames {
			if inst == nil {
				return false, false, nil
			}
			item, has := inst.Attrs[name]
			if !has {
				if cls, ok := inst.Class.lookup(name); ok {
					item, has = cls, true
				}
			}
			if !has {
				return false, true, nil
			}
			ok, known, err := c.matchPattern(fr, p.KwPats[i], item)
			if err != nil || (!ok && known) {
				return false, true, err
			}
			allKnown = allKnown && known
		}
		return allKnown, allKnown, nil
	}
	return false, false, nil
}

func isBool(v Value) bool {
	_, ok := v.(bool)
	return ok
}

// isInstanceOf is isinstance(v, cls) for user classes and common builtins.
func isInstanceOf(v, cls Value) bool {
	switch c := cls.(type) {
	case *Class:
		inst, ok := v.(*Instance)
		if !ok {
			if e, ok := v.(*Exc); ok && c.IsExc {
				return excIsSubclass(e, "", c)
			}
			return false
		}
		for k := inst.Class; k != nil; {
			if k == c {
				return true
			}
			found := false
			for _, b := range k.Bases[min(1, len(k.Bases)):] {
				if b == c {
					return true
				}
			}
			if len(k.Bases) == 0 || found {
				break
			}
			k = k.Bases[0]
		}
		return false
	case *Builtin:
		switch c.Qual {
		case "int":
			_, ok := v.(int64)
			return ok
		case "float":
			_, ok := v.(float64)
			return ok
		case "str":
			_, ok := v.(string)
			return ok
		case "bool":
			return isBool(v)
		case "list", "tuple", "set":
			l, ok := v.(*List)
			return ok && l.Kind == c.Qual
		case "dict":
			_, ok := v.(*Dict)
			return ok
		}
	}
	return false
}
