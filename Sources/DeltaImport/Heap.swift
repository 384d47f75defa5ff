import CHeap
#if canImport(Glibc)
import Glibc
#endif

/// The process's heap as the C allocator keeps it.
public enum Heap {
    /// Gives the memory freed so far back to the system.
    ///
    /// Why: glibc keeps freed memory in its arenas (one per thread that allocates at once) for
    /// later allocations, which do not always find it. After an import let go of the records it
    /// read (a few hundred megabytes at a thousand times the demo), the search index's rebuild
    /// took fresh memory beside the freed: 400 MiB resident at 1 000× where 250 MiB do with this
    /// call between the two. Called between such phases only: it costs a pass over the arenas.
    /// The server calls it after a request that read something for the first time at a register
    /// version (`ReadMemoMiddleware`).
    public static func releaseFreeMemory() {
        _ = cheap_release_free_memory()
    }

    /// The process's resident memory in bytes (`/proc/self/statm`); nil where the system does not tell.
    public static func residentBytes() -> Int? {
        #if os(Linux)
        let file = open("/proc/self/statm", O_RDONLY)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        // "size resident shared …", in pages.
        let fields = String(decoding: buffer[..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * sysconf(Int32(_SC_PAGESIZE))
        #else
        return nil
        #endif
    }

    /// From now on, blocks of 128 KiB or more are mapped on their own and returned when freed.
    ///
    /// Why: glibc raises that threshold each time such a block is freed, so an import's part
    /// buffers (thousands of records, the files' bytes) came to be taken from the arenas, where
    /// freed memory stays. For the `import` command: 1 000× peaked at 170 MiB instead of 201 MiB
    /// with the same time. Not for the server, whose large answers would each cost a fresh mapping.
    public static func mapLargeBlocksAlone() { cheap_map_large_blocks(128 << 10) }

    /// From now on, threads share at most `count` of the C allocator's arenas.
    ///
    /// Why: glibc gives every thread that allocates under contention an arena of its own and keeps
    /// what it freed there: under 16 connections the server grew to ~450 MiB on the demo while
    /// holding a few MiB of pages. For the server: two arenas serve two cores' worth of threads.
    public static func limitArenas(to count: Int32) { cheap_limit_arenas(count) }
}
