import HookHTTP

print("hookbench \(HookHTTP.version)")
