import CLibFuzzer

#if canImport(Glibc)
    import Glibc
#endif

// libFuzzer's driver reads its options and corpus folders from the command line, then calls `fuzzMarkdown`.
var arguments = CommandLine.argc
var values: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &values, { fuzzMarkdown($0, $1) }))
