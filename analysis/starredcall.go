package analysis

// tree-sitter-python reads a starred element whose operand is a call, an
// attribute or a subscript of a plain name as that primary expression of a
// starred name when the element stands alone in a list or set display or
// in a bare tuple: `[*f(x)]` comes out as call(function: list_splat(f),
// arguments), `{*o.m(x)}` as call(attribute(list_splat(o), m), arguments),
// `v = *x[0],` as subscript(list_splat(x), 0), instead of the starred call,
// attribute or subscript Python means (`(*f)(x)` is not Python at all).
// Every rule asking "what is this call" would see a callee it cannot
// resolve, and "what happens to this value" a value that is not unpacked.
// `(*f(x),)`, `g(*f(x))` and `[*f(x), 1]` parse right.
//
// The flattened records are re-nested in place before lowering, with the
// same count: in pre-order the misread element is [E][...][list_splat][*]
// [name], E and the nodes down to the splat each the first child of the
// one before; it becomes [list_splat][*][E][...][name], the splat spanning
// E, E and the nodes under it starting at the name, and every other child
// of those nodes (arguments, attribute names, subscripts) moved with its
// parent. A misread element inside a larger expression (`[*f(x) + y]`,
// Python's `*(f(x) + y)`) is left as tree-sitter reads it.

// Classes of the symbols the re-nesting looks at, by symbol number.
const (
	starredOther uint8 = iota
	starredPrimary
	starredListSplat
	starredStar
	starredName
	starredDisplay // a list, a set, a tuple or a bare tuple: where a starred element stands
)

var starredClass []uint8 // by symbol; filled in loadSymbols

func loadStarredClasses() {
	starredClass = make([]uint8, len(symbols))
	for i, s := range symbols {
		switch s.name {
		case "call", "attribute", "subscript":
			starredClass[i] = starredPrimary
		case "list_splat":
			starredClass[i] = starredListSplat
		case "*":
			starredClass[i] = starredStar
		case "identifier":
			starredClass[i] = starredName
		case "list", "set", "tuple", "expression_list":
			starredClass[i] = starredDisplay
		}
	}
}

func starredClassOf(fn *flatNode) uint8 {
	if int(fn.symbol) >= len(starredClass) {
		return starredOther
	}
	return starredClass[fn.symbol]
}

// renestStarredElements rewrites flat (one part's records in pre-order,
// parents as indexes into flat) so that each misread starred element is
// the operand of its `*`.
func renestStarredElements(flat []flatNode) {
	for j := 0; j+2 < len(flat); j++ {
		at := uint32(j)
		if starredClassOf(&flat[j]) != starredListSplat ||
			starredClassOf(&flat[j+1]) != starredStar || flat[j+1].parent != at ||
			starredClassOf(&flat[j+2]) != starredName || flat[j+2].parent != at ||
			(j+3 < len(flat) && flat[j+3].parent == at) {
			continue // not exactly `*name`
		}
		// e climbs to the outermost primary whose first child leads down
		// to the splat.
		e := at
		for p := flat[e].parent; p != noParent && p+1 == e && starredClassOf(&flat[p]) == starredPrimary; p = flat[e].parent {
			e = p
		}
		if e == at {
			continue // the splat itself is the element: read right
		}
		if p := flat[e].parent; p == noParent || starredClassOf(&flat[p]) != starredDisplay {
			continue
		}
		chain := make([]flatNode, at-e)
		copy(chain, flat[e:at])
		splat, star, name := flat[j], flat[j+1], flat[j+2]
		top := chain[0]
		flat[e] = splat
		flat[e].start, flat[e].end, flat[e].parent, flat[e].field = top.start, top.end, top.parent, top.field
		flat[e+1] = star
		flat[e+1].parent = e
		for i, c := range chain {
			k := e + 2 + uint32(i)
			c.start = name.start
			c.parent = k - 1
			if i == 0 {
				c.parent, c.field = e, 0
			}
			flat[k] = c
		}
		flat[j+2] = name
		flat[j+2].parent, flat[j+2].field = at+1, splat.field // the innermost primary's callee, object or value
		// The chain's other children follow the name; the first record
		// whose parent comes before E is past E's subtree.
		for k := j + 3; k < len(flat) && flat[k].parent != noParent && flat[k].parent >= e; k++ {
			if flat[k].parent < at {
				flat[k].parent += 2
			}
		}
		j += 2
	}
}
