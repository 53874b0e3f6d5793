package pylib

// Runs after every other init of the package (the go command hands a
// package's files to the compiler in file-name order, and init functions
// run in that order): from here on the tables no longer change, and find
// may skip names under roots no table holds.
func init() { knownRoots = rootsOfTables() }
