// Package loopsim estimates how long an asyncio program takes by simulating
// CPython 3.11's event loop over a small intermediate representation (IR) of
// the program. It never runs user code: the IR is interpreted against a
// virtual clock.
//
// The IR mirrors a subset of Python closely so that a front end (see
// loopsim/pyfront) can translate source almost one to one; all asyncio
// semantics live here.
package loopsim

// Pos locates an IR node in the source: a byte offset and a 1-based line,
// and File, the path of another module of the project when the node is not
// in the simulated program's own file ("" there). The zero Pos means
// "unknown".
type Pos struct {
	Offset int
	Line   int
	File   string
}

// Expr is an expression node.
type Expr interface{ exprPos() Pos }

// Stmt is a statement node.
type Stmt interface{ stmtPos() Pos }

// Expressions.
type (
	// Const is a literal: nil (None), bool, int64, float64 or string.
	Const struct {
		Value Value
		P     Pos
	}
	Name struct {
		ID string
		P  Pos
	}
	Attr struct {
		X    Expr
		Name string
		P    Pos
	}
	// Call calls Fn. Latency, when non-nil, is a user-given duration in
	// seconds (a "# asyncls: latency=..." comment) that replaces whatever the
	// call would otherwise cost.
	Call struct {
		Fn      Expr
		Args    []Arg
		P       Pos
		Latency *float64
	}
	Await struct {
		X Expr
		P Pos
	}
	BinOp struct {
		Op   string // + - * / // % ** & | ^ << >>
		L, R Expr
		P    Pos
	}
	UnaryOp struct {
		Op string // - + not ~
		X  Expr
		P  Pos
	}
	Compare struct {
		L   Expr
		Ops []string // == != < <= > >= in "not in" is "is not"
		Rs  []Expr
		P   Pos
	}
	BoolOp struct {
		Op     string // and, or
		Values []Expr
		P      Pos
	}
	IfExp struct {
		Cond, Then, Else Expr
		P                Pos
	}
	// ListExpr is a list, tuple or set display; elements may be *Starred.
	ListExpr struct {
		Elts []Expr
		Kind string // list, tuple, set
		P    Pos
	}
	Starred struct {
		X Expr
		P Pos
	}
	DictExpr struct {
		Keys, Values []Expr
		P            Pos
	}
	Subscript struct {
		X, Index Expr
		P        Pos
	}
	Slice struct {
		Lo, Hi, Step Expr // each may be nil
		P            Pos
	}
	// Comprehension covers list/set/dict comprehensions and generator
	// expressions.
	Comprehension struct {
		Kind string // list, set, dict, gen
		Elt  Expr
		Key  Expr // dict comprehensions only
		Gens []CompFor
		P    Pos
	}
	Lambda struct {
		Params []Param
		Body   Expr
		P      Pos
	}
	// NamedExpr is an assignment expression (target := value).
	NamedExpr struct {
		Target string
		Value  Expr
		P      Pos
	}
	// Yield is a yield expression (From for "yield from").
	Yield struct {
		Value Expr // may be nil
		From  bool
		P     Pos
	}
	// Placeholder stands for an argument nobody passed (when a function is
	// simulated on its own): an instance of Type when it names a class or a
	// library type, else an unknown value.
	Placeholder struct {
		Type Expr // may be nil
		Name string
		P    Pos
	}
	// Unknown stands for an expression the front end could not translate;
	// evaluating it yields an unknown value and records an assumption.
	Unknown struct {
		Why string
		P   Pos
	}
)

// CompFor is one "for target in iter if cond..." clause.
type CompFor struct {
	Target Expr
	Iter   Expr
	Ifs    []Expr
	Async  bool
}

// Arg is one call argument: positional, keyword (Name set), *args (Star) or
// **kwargs (DoubleStar).
type Arg struct {
	Name       string
	Star       bool
	DoubleStar bool
	Value      Expr
}

func (e *Const) exprPos() Pos         { return e.P }
func (e *Name) exprPos() Pos          { return e.P }
func (e *Attr) exprPos() Pos          { return e.P }
func (e *Call) exprPos() Pos          { return e.P }
func (e *Await) exprPos() Pos         { return e.P }
func (e *BinOp) exprPos() Pos         { return e.P }
func (e *UnaryOp) exprPos() Pos       { return e.P }
func (e *Compare) exprPos() Pos       { return e.P }
func (e *BoolOp) exprPos() Pos        { return e.P }
func (e *IfExp) exprPos() Pos         { return e.P }
func (e *ListExpr) exprPos() Pos      { return e.P }
func (e *Starred) exprPos() Pos       { return e.P }
func (e *DictExpr) exprPos() Pos      { return e.P }
func (e *Subscript) exprPos() Pos     { return e.P }
func (e *Slice) exprPos() Pos         { return e.P }
func (e *Comprehension) exprPos() Pos { return e.P }
func (e *Lambda) exprPos() Pos        { return e.P }
func (e *Unknown) exprPos() Pos       { return e.P }
func (e *Placeholder) exprPos() Pos   { return e.P }
func (e *Yield) exprPos() Pos         { return e.P }
func (e *NamedExpr) exprPos() Pos     { return e.P }

// Statements.
type (
	ExprStmt struct {
		X Expr
		P Pos
	}
	// Assign binds Value to every target (a = b = v); a target may be a
	// Name, Attr, Subscript or a tuple/list ListExpr for unpacking.
	Assign struct {
		Targets []Expr
		Value   Expr
		P       Pos
	}
	AugAssign struct {
		Target Expr
		Op     string
		Value  Expr
		P      Pos
	}
	If struct {
		Cond Expr
		Body []Stmt
		Else []Stmt
		P    Pos
	}
	For struct {
		Target Expr
		Iter   Expr
		Body   []Stmt
		Else   []Stmt
		Async  bool
		P      Pos
	}
	While struct {
		Cond Expr
		Body []Stmt
		Else []Stmt
		P    Pos
	}
	Break    struct{ P Pos }
	Continue struct{ P Pos }
	Pass     struct{ P Pos }
	Return   struct {
		Value Expr // may be nil
		P     Pos
	}
	Raise struct {
		Exc   Expr // nil re-raises the exception being handled
		Cause Expr
		P     Pos
	}
	Try struct {
		Body     []Stmt
		Handlers []Handler
		Else     []Stmt
		Finally  []Stmt
		Star     bool // except*
		P        Pos
	}
	With struct {
		Items []WithItem
		Body  []Stmt
		Async bool
		P     Pos
	}
	FuncDef struct {
		Func *Func
		P    Pos
	}
	ClassDef struct {
		Name       string
		Bases      []Expr
		Body       []Stmt
		Decorators []Expr
		// Fields are the annotated class attributes in order (what
		// @dataclass and NamedTuple turn into __init__ parameters).
		Fields []Param
		// Keywords are the class keywords (class A(Base, kind="x")), passed
		// to the bases' __init_subclass__ (metaclass= is not simulated).
		Keywords []Arg
		P        Pos
	}
	// Import binds As (or the first component of Module) to a module.
	Import struct {
		Module, As string
		P          Pos
	}
	// ImportFrom binds each Names[i][1] (alias) to Module.Names[i][0].
	// Level counts the leading dots of a relative import (from .x import
	// y: Level 1, Module "x").
	ImportFrom struct {
		Module string
		Level  int
		Names  [][2]string
		P      Pos
	}
	// Global is a global (or, with Nonlocal set, nonlocal) declaration.
	Global struct {
		Names    []string
		Nonlocal bool
		P        Pos
	}
	// Match is a match statement; the first case whose pattern matches
	// (and whose guard holds) runs.
	Match struct {
		Subject Expr
		Cases   []MatchCase
		P       Pos
	}
	// Mark records the virtual time (and accumulated work) each time it
	// runs, so a region of code can be timed: see Result.Marks.
	Mark struct {
		ID int
		P  Pos
	}
	// Unsupported marks a statement the front end could not translate; it
	// records an assumption when executed.
	Unsupported struct {
		What string
		P    Pos
	}
)

// Handler is one except clause; Types nil means a bare except.
type Handler struct {
	Types []Expr
	Name  string
	Body  []Stmt
	P     Pos
}

// WithItem is "ctx as target".
type WithItem struct {
	Ctx    Expr
	Target Expr // may be nil
}

func (s *ExprStmt) stmtPos() Pos    { return s.P }
func (s *Assign) stmtPos() Pos      { return s.P }
func (s *AugAssign) stmtPos() Pos   { return s.P }
func (s *If) stmtPos() Pos          { return s.P }
func (s *For) stmtPos() Pos         { return s.P }
func (s *While) stmtPos() Pos       { return s.P }
func (s *Break) stmtPos() Pos       { return s.P }
func (s *Continue) stmtPos() Pos    { return s.P }
func (s *Pass) stmtPos() Pos        { return s.P }
func (s *Return) stmtPos() Pos      { return s.P }
func (s *Raise) stmtPos() Pos       { return s.P }
func (s *Try) stmtPos() Pos         { return s.P }
func (s *With) stmtPos() Pos        { return s.P }
func (s *FuncDef) stmtPos() Pos     { return s.P }
func (s *ClassDef) stmtPos() Pos    { return s.P }
func (s *Import) stmtPos() Pos      { return s.P }
func (s *ImportFrom) stmtPos() Pos  { return s.P }
func (s *Global) stmtPos() Pos      { return s.P }
func (s *Unsupported) stmtPos() Pos { return s.P }
func (s *Mark) stmtPos() Pos        { return s.P }
func (s *Match) stmtPos() Pos       { return s.P }

// MatchCase is one case clause.
type MatchCase struct {
	Pattern *Pattern
	Guard   Expr // may be nil
	Body    []Stmt
}

// PatternKind says what a pattern matches.
type PatternKind int

const (
	PatWildcard PatternKind = iota // _
	PatCapture                     // a name: binds the subject
	PatValue                       // a literal or dotted name: ==
	PatSequence                    // [a, *rest] / (a, b)
	PatStar                        // *name inside a sequence ("" for *_)
	PatMapping                     // {"k": p, **rest}
	PatClass                       // Cls(p, k=p)
	PatOr                          // p | q
	PatAs                          // p as name
	PatUnknown                     // a pattern the front end could not read
)

// Pattern is a match-statement pattern.
type Pattern struct {
	Kind    PatternKind
	Name    string     // capture, star and as targets; mapping **rest
	Value   Expr       // value patterns; the class of class patterns
	Elts    []*Pattern // sequence items, alternatives, class positional patterns, as subpattern
	Keys    []Expr     // mapping keys
	Vals    []*Pattern // mapping values
	KwNames []string   // class keyword patterns
	KwPats  []*Pattern
}

// Func is a function definition (async or not).
type Func struct {
	Name       string
	Params     []Param
	Body       []Stmt
	Async      bool
	Generator  bool // contains yield
	Decorators []Expr
	// Latency, when set (a "# asyncls: latency=..." comment on the def
	// line), replaces the body: a call takes that long (awaited, or
	// blocking for a plain function).
	Latency *float64
	P       Pos
}

// ParamKind distinguishes ordinary, *args, keyword-only and **kwargs
// parameters.
type ParamKind int

const (
	ParamNormal ParamKind = iota
	ParamVarArgs
	ParamKwOnly
	ParamKwArgs
)

// Param is one function parameter.
type Param struct {
	Name       string
	Default    Expr // nil when required
	Kind       ParamKind
	Annotation Expr // the declared type, if any (used for placeholders)
}

// Program is a translated module. Module is its dotted name in its
// project ("" when not known) and Package is set for a package's
// __init__.py: relative imports are resolved from them.
type Program struct {
	Path    string
	Body    []Stmt
	Module  string
	Package bool
}

// ModuleLoader gives the simulation the other modules of the program's
// project (Config.Imports): Load returns the translated module with the
// dotted name, nil when the project has none (a library, the standard
// library, a module outside the project: those stay what the simulator
// models, or unknown). It must be safe for concurrent use and return the
// same immutable Program for a name every time. Namespace reports whether
// name is a directory of the project holding modules without an
// __init__.py (a namespace package).
type ModuleLoader interface {
	Load(name string) *Program
	Namespace(name string) bool
}

// StmtPos returns the position of a statement.
func StmtPos(s Stmt) Pos { return s.stmtPos() }

// ExprPos returns the position of an expression.
func ExprPos(e Expr) Pos { return e.exprPos() }
