/// Python's tree of built-in exception classes, as the `builtins` module has it.
extension Interpreter {
    static let exceptionTree: [(String, String?)] = [
        ("BaseException", nil),
        ("SystemExit", "BaseException"), ("KeyboardInterrupt", "BaseException"), ("GeneratorExit", "BaseException"),
        ("Exception", "BaseException"),
        ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"), ("OverflowError", "ArithmeticError"),
        ("FloatingPointError", "ArithmeticError"),
        ("LookupError", "Exception"), ("IndexError", "LookupError"), ("KeyError", "LookupError"),
        ("ValueError", "Exception"), ("UnicodeError", "ValueError"), ("AxisError", "ValueError"), ("LinAlgError", "ValueError"),
        ("TypeError", "Exception"), ("AssertionError", "Exception"), ("AttributeError", "Exception"),
        ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
        ("RuntimeError", "Exception"), ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
        ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"),
        ("StopIteration", "Exception"), ("EOFError", "Exception"), ("BufferError", "Exception"),
        ("MemoryError", "Exception"), ("ReferenceError", "Exception"), ("SystemError", "Exception"),
        ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"), ("TabError", "IndentationError"),
        ("OSError", "Exception"), ("FileNotFoundError", "OSError"), ("FileExistsError", "OSError"),
        ("PermissionError", "OSError"), ("IsADirectoryError", "OSError"), ("NotADirectoryError", "OSError"),
        ("TimeoutError", "OSError"), ("InterruptedError", "OSError"), ("BlockingIOError", "OSError"),
        ("ChildProcessError", "OSError"), ("ProcessLookupError", "OSError"),
        ("ConnectionError", "OSError"), ("BrokenPipeError", "ConnectionError"),
        ("ConnectionAbortedError", "ConnectionError"), ("ConnectionRefusedError", "ConnectionError"),
        ("ConnectionResetError", "ConnectionError"),
        ("Warning", "Exception"), ("UserWarning", "Warning"), ("DeprecationWarning", "Warning"),
        ("RuntimeWarning", "Warning"), ("FutureWarning", "Warning"), ("SyntaxWarning", "Warning"),
    ]

    func installExceptionClasses() {
        for (name, base) in Self.exceptionTree {
            let c = ClassObject(name: name, base: base.flatMap { exceptionClasses[$0] }, members: [:], interpreter: self)
            exceptionClasses[name] = c
            builtins[name] = .object(c)
        }
        // `BaseException.__init__` stores its arguments, so `super().__init__(message)` sets `args`.
        exceptionClasses["BaseException"]?.members["__init__"] = .object(HostMethod("__init__") { receiver, args, _ in
            if case .object(let inst as Instance) = receiver { inst.fields["args"] = .tuple(args.positional) }
            return .none
        })
        builtins["issubclass"] = .object(BuiltinFunction(Signature("issubclass", "cls, class_or_tuple, /")) { s, _ in
            guard case .object(let c as ClassObject) = s["cls"] else { throw ScriptError.type("issubclass() arg 1 must be a class") }
            let types: [Value]
            if case .tuple(let t) = s["class_or_tuple"] { types = t } else { types = [s["class_or_tuple"]] }
            for t in types {
                guard case .object(let base as ClassObject) = t else {
                    throw ScriptError.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
                }
                if base.name == "object" && base.base == nil || c.isSubclass(of: base) { return .bool(true) }
            }
            return .bool(false)
        })
        // Python's older names for OSError.
        builtins["IOError"] = builtins["OSError"]
        builtins["EnvironmentError"] = builtins["OSError"]
    }
}
