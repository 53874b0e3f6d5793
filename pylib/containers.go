package pylib

// ItemByItemContainers are the classes whose call without arguments makes
// an empty container that code fills one item at a time with the
// ContainerAdder methods (list.append/insert, set.add, deque.append/
// appendleft/insert, WeakSet.add; Python's library reference, "Built-in
// Types", collections.deque and weakref.WeakSet): what iterating such a
// container gives is what was added to it.
var ItemByItemContainers = map[string]bool{"set": true, "list": true, "collections.deque": true, "weakref.WeakSet": true}

// ItemByItemMappings are the classes whose call without arguments makes an
// empty mapping that code fills one value at a time (`d[key] = value`,
// `d.setdefault(key, value)`; Python's library reference, "Built-in Types",
// "Mapping Types — dict", and collections.OrderedDict): reading an item of
// such a mapping gives one of the values stored. defaultdict is not one:
// it makes its own values.
var ItemByItemMappings = map[string]bool{"dict": true, "collections.OrderedDict": true}

// SharedMappings are library mappings that an application shares between
// its parts as a registry: code stores a value under constant keys in one
// place and reads it back under the same keys in another. Home Assistant's
// `hass.data` ("a dictionary to store data for integrations", whose
// developer docs have an integration keep its objects under
// `hass.data[DOMAIN]`, homeassistant/core.py `self.data = HassDict()`).
// Keys are a name as the resolver gives the mapping: an attribute of a
// library class (`homeassistant.core.HomeAssistant.data`).
var SharedMappings = map[string]bool{"homeassistant.core.HomeAssistant.data": true}
