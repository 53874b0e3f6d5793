package analysis

// The tree is lowered in a single cgo call: walking it from Go costs ~0.7 µs
// per cgo step and several steps per node, which would make lowering slower
// than parsing (see ../shared/notes/dependencies.md). The C walker below
// writes one compact record per node into a Go-allocated buffer.

/*
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct TSTree TSTree;
typedef uint16_t TSSymbol;
typedef uint16_t TSFieldId;
typedef struct TSNode { uint32_t context[4]; const void *id; const TSTree *tree; } TSNode;
typedef struct TSTreeCursor { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;

// Provided by github.com/smacker/go-tree-sitter's C objects (tree-sitter 0.22.5).
TSNode ts_tree_root_node(const TSTree *self);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
TSFieldId ts_tree_cursor_current_field_id(const TSTreeCursor *self);
TSSymbol ts_node_symbol(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
bool ts_node_is_named(TSNode self);
bool ts_node_is_missing(TSNode self);
uint32_t ts_node_descendant_count(TSNode self);

typedef struct {
	uint32_t start, end;
	uint32_t parent;  // index of the parent record in its part; NO_PARENT for a top-level node
	uint32_t nchild;  // number of child records
	uint16_t symbol, field;
	uint8_t flags;    // 1 named, 2 missing
} flat_node;

#define NO_PARENT 0xFFFFFFFFu

// asl_root describes the root node and returns its number of top-level
// (visible) children; desc[i] receives the i-th one's node count (itself
// included), for the first cap of them.
static uint32_t asl_root(const TSTree *tree, flat_node *root, uint32_t *desc, uint32_t cap) {
	TSNode r = ts_tree_root_node(tree);
	root->start = ts_node_start_byte(r);
	root->end = ts_node_end_byte(r);
	root->symbol = ts_node_symbol(r);
	root->field = 0;
	root->flags = (ts_node_is_named(r) ? 1 : 0) | (ts_node_is_missing(r) ? 2 : 0);
	root->parent = NO_PARENT;
	root->nchild = 0;
	TSTreeCursor c = ts_tree_cursor_new(r);
	uint32_t n = 0;
	if (ts_tree_cursor_goto_first_child(&c)) {
		do {
			if (n < cap) desc[n] = ts_node_descendant_count(ts_tree_cursor_current_node(&c));
			n++;
		} while (ts_tree_cursor_goto_next_sibling(&c));
	}
	ts_tree_cursor_delete(&c);
	return n;
}

// asl_flatten_part walks, in pre-order, the subtrees of the root's top-level
// children first .. first+count-1 and writes one record per kept node;
// returns the number of records written (<= cap). A node is kept when it is
// named, missing, or its symbol is marked in keep (symbols >= nsym are
// kept), unless drop marks its symbol under its parent's (drop[sym * nsym
// + parent symbol]: a keyword token under the statement it introduces, a
// string's delimiters); the subtree of a dropped node is not visited (only
// tokens, which are leaves, are dropped). Each record counts its children,
// so the Go side lowers in one pass. Parts of one tree may be walked
// concurrently: a cursor only reads the tree.
static uint32_t asl_flatten_part(const TSTree *tree, uint32_t first, uint32_t count, flat_node *out, uint32_t cap, const uint8_t *keep, const uint8_t *drop, uint32_t nsym) {
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
	uint32_t n = 0;
	uint32_t stack[4096];
	int depth = 0;
	uint32_t parent = NO_PARENT;
	if (count == 0 || !ts_tree_cursor_goto_first_child(&c)) goto done;
	for (uint32_t i = 0; i < first; i++) {
		if (!ts_tree_cursor_goto_next_sibling(&c)) goto done;
	}
	for (;;) {
		if (n >= cap) break;
		TSNode node = ts_tree_cursor_current_node(&c);
		TSSymbol sym = ts_node_symbol(node);
		bool named = ts_node_is_named(node);
		bool missing = ts_node_is_missing(node);
		bool kept = named || missing || sym >= nsym || keep[sym];
		if (kept && !missing && sym < nsym && parent != NO_PARENT && out[parent].symbol < nsym
			&& drop[(size_t)sym * nsym + out[parent].symbol]) {
			kept = false;
		}
		if (kept) {
			flat_node *r = &out[n];
			r->start = ts_node_start_byte(node);
			r->end = ts_node_end_byte(node);
			r->symbol = sym;
			r->field = ts_tree_cursor_current_field_id(&c);
			r->flags = (named ? 1 : 0) | (missing ? 2 : 0);
			r->parent = parent;
			r->nchild = 0;
			if (parent != NO_PARENT) out[parent].nchild++;
			uint32_t self = n++;
			// Too deep to descend (pathological input): its subtree is skipped.
			if (depth < 4096 && ts_tree_cursor_goto_first_child(&c)) {
				stack[depth++] = parent;
				parent = self;
				continue;
			}
		}
		for (;;) {
			if (depth == 0) {
				// At a top-level node: on to the next one of the part.
				if (--count == 0 || !ts_tree_cursor_goto_next_sibling(&c)) goto done;
				break;
			}
			if (ts_tree_cursor_goto_next_sibling(&c)) break;
			ts_tree_cursor_goto_parent(&c);
			parent = stack[--depth];
		}
	}
done:
	ts_tree_cursor_delete(&c);
	return n;
}
*/
import "C"

import (
	"runtime"
	"sync"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

type flatNode struct {
	start, end, parent, nchild uint32
	symbol, field              uint16
	flags                      uint8
}

const noParent = 0xFFFFFFFF

// cTree extracts the C tree from smacker's binding. BaseTree's first field is
// the *C.TSTree; the pinned module version guarantees this layout and
// TestFlattenMatchesBinding checks it. The binding frees the C tree in a
// finalizer of BaseTree, so every caller must keep t alive
// (runtime.KeepAlive) until its C call returns: once t is no longer used,
// the collector may free the tree while C still walks it (seen as a SIGSEGV
// in asl_flatten_part under load).
func cTree(t *sitter.Tree) *C.TSTree {
	return *(**C.TSTree)(unsafe.Pointer(t.BaseTree))
}

// rootOf returns the root's record and the node counts of its top-level
// children (one entry per child).
func rootOf(t *sitter.Tree) (flatNode, []uint32) {
	ct := cTree(t)
	var root flatNode
	desc := make([]uint32, 64)
	n := uint32(C.asl_root(ct, (*C.flat_node)(unsafe.Pointer(&root)), (*C.uint32_t)(unsafe.Pointer(&desc[0])), C.uint32_t(len(desc))))
	if int(n) > len(desc) {
		desc = make([]uint32, n)
		C.asl_root(ct, (*C.flat_node)(unsafe.Pointer(&root)), (*C.uint32_t)(unsafe.Pointer(&desc[0])), C.uint32_t(len(desc)))
	}
	runtime.KeepAlive(t)
	return root, desc[:n]
}

// flatBuffers are reused between lowerings: the records are copied into
// Nodes, and a keystroke in a large file would otherwise allocate them anew.
var flatBuffers sync.Pool

// flattenPart returns the kept nodes of top-level children [first,
// first+count) in pre-order (see asl_flatten_part), given their node count
// (an upper bound of the records), and a function that gives the buffer
// back once the records are no longer used.
func flattenPart(t *sitter.Tree, first, count int, nodes uint32) ([]flatNode, func()) {
	if count == 0 || nodes == 0 {
		return nil, func() {}
	}
	bp, _ := flatBuffers.Get().(*[]flatNode)
	if bp == nil || uint32(cap(*bp)) < nodes {
		buf := make([]flatNode, nodes)
		bp = &buf
	}
	buf := (*bp)[:nodes]
	keep := keepTable()
	n := uint32(C.asl_flatten_part(cTree(t), C.uint32_t(first), C.uint32_t(count), (*C.flat_node)(unsafe.Pointer(&buf[0])), C.uint32_t(nodes),
		(*C.uint8_t)(unsafe.Pointer(&keep[0])), (*C.uint8_t)(unsafe.Pointer(&symbolDrop[0])), C.uint32_t(len(keep))))
	runtime.KeepAlive(t)
	return buf[:n], func() { flatBuffers.Put(bp) }
}

func init() {
	// The Go mirror of flat_node must have the C layout.
	if unsafe.Sizeof(flatNode{}) != uintptr(C.sizeof_flat_node) {
		panic("analysis: flatNode layout mismatch")
	}
}
