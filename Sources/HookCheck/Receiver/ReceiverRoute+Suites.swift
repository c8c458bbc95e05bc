extension ReceiverRoute {
    /// One route per suite for the built-in receiver, at `/<profile name>` (with `-2`, `-3`, … when two
    /// suites of one profile use different secrets); returns the routes and, per suite, its path.
    public static func routes(for suites: [(profile: Profile, secret: String)]) -> (routes: [Self], paths: [String]) {
        var routes: [Self] = []
        var paths: [String] = []
        for (profile, secret) in suites {
            let route = Self(path: "/" + profile.name, profile: profile, secret: secret)
            if routes.contains(route) {
                paths.append(route.path ?? "/")
                continue
            }
            let base = route.path ?? "/"
            var path = base
            var number = 2
            while routes.contains(where: { $0.path == path }) {
                path = base + "-\(number)"
                number += 1
            }
            routes.append(Self(path: path, profile: profile, secret: secret))
            paths.append(path)
        }
        return (routes, paths)
    }
}
