/// The methods of `set`, with the signatures CPython's documentation gives them (CPython 3.11
/// publishes none for `inspect`).
extension SetObject {
    /// Read-only after it is built, as the table is, so sharing it between interpreters is safe.
    static let index = MethodIndex(table)

    /// Read-only after it is built, so sharing it between interpreters is safe.
    static let table = MethodTable<SetObject>([
        Method("add", "elem, /") { s, a, _ in
            try s.insert(a["elem"])
            return .none
        },
        Method("remove", "elem, /") { s, a, _ in
            guard try s.remove(a["elem"]) else { throw s.interpreter.keyError(a["elem"]) }
            return .none
        },
        Method("discard", "elem, /") { s, a, _ in
            _ = try s.remove(a["elem"])
            return .none
        },
        Method("pop", "") { s, _, _ in
            guard let v = s.items.first else { throw s.interpreter.keyError(.string("pop from an empty set")) }
            _ = try s.remove(v)
            return v
        },
        Method("clear", "") { s, _, _ in
            s.removeAll()
            return .none
        },
        Method("copy", "") { s, _, _ in .object(try SetObject(s.items, interpreter: s.interpreter)) },
        Method("update", "*others") { s, a, _ in
            for other in a.extraPositional { for v in try s.interpreter.iterate(other) { try s.insert(v) } }
            return .none
        },
        Method("union", "*others") { s, a, _ in
            try s.combined(a.extraPositional) { items, other in items + other.items }
        },
        Method("intersection", "*others") { s, a, _ in
            try s.combined(a.extraPositional) { items, other in try items.filter { try other.contains($0) } }
        },
        Method("difference", "*others") { s, a, _ in
            try s.combined(a.extraPositional) { items, other in try items.filter { try !other.contains($0) } }
        },
        Method("symmetric_difference", "other, /") { s, a, _ in
            try s.combined([a["other"]]) { items, other in
                try items.filter { try !other.contains($0) } + other.items.filter { try !s.contains($0) }
            }
        },
        Method("issubset", "other, /") { s, a, _ in
            let other = try s.set(a["other"])
            return .bool(try s.items.allSatisfy { try other.contains($0) })
        },
        Method("issuperset", "other, /") { s, a, _ in
            .bool(try s.set(a["other"]).items.allSatisfy { try s.contains($0) })
        },
        Method("isdisjoint", "other, /") { s, a, _ in
            .bool(try !s.set(a["other"]).items.contains { try s.contains($0) })
        },
    ])

    /// Any iterable as a set.
    private func set(_ v: Value) throws -> SetObject {
        if case .object(let o as SetObject) = v { return o }
        return try SetObject(try interpreter.iterate(v), interpreter: interpreter)
    }

    /// A new set: this one's items folded with each of `others` in turn.
    private func combined(_ others: [Value], _ step: ([Value], SetObject) throws -> [Value]) throws -> Value {
        var items = self.items
        for other in others { items = try step(items, try set(other)) }
        return .object(try SetObject(items, interpreter: interpreter))
    }
}
