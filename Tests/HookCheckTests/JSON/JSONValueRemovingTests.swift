import Testing

@testable import HookCheck

@Test(arguments: [
    (#"{"a":1,"b":{"c":2,"d":3}}"#, "/b/c", #"{"a":1,"b":{"d":3}}"#),
    (#"{"a":1,"b":2}"#, "/a", #"{"b":2}"#),
    (#"{"a":[1,{"t":2},3]}"#, "/a/1/t", #"{"a":[1,{},3]}"#),
    (#"{"a":[1,2,3]}"#, "/a/0", #"{"a":[2,3]}"#),
    (#"{"a":1}"#, "/missing", #"{"a":1}"#),
    (#"{"a":1}"#, "/a/deeper", #"{"a":1}"#),
    (#"{"a":[1]}"#, "/a/7", #"{"a":[1]}"#),
    (#"{"a":1}"#, "", #"{"a":1}"#),
])
func removingAPointerDropsOnlyThatValue(_ example: (String, String, String)) throws {
    let value = try JSONParser.parse(example.0)
    let pointer = try #require(JSONPointer(example.1))
    #expect(JSONWriter.compact(value.removing(pointer)) == example.2)
}
