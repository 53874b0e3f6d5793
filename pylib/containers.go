package pylib

// ItemByItemContainers are the classes whose call without arguments makes
// an empty container that code fills one item at a time with the
// ContainerAdder methods (list.append/insert, set.add, deque.append/
// appendleft/insert, WeakSet.add; Python's library reference, "Built-in
// Types", collections.deque and weakref.WeakSet): what iterating such a
// container gives is what was added to it.
var ItemByItemContainers = map[string]bool{"set": true, "list": true, "collections.deque": true, "weakref.WeakSet": true}
