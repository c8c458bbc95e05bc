import HookCheck

print("hookcheck \(HookCheck.version)")
