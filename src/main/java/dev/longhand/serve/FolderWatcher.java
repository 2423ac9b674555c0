package dev.longhand.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders and everything below them (folders created later included) and, once the
 * changes have stopped for a moment, hands over every path that changed: an editor's save is
 * often several events (write, rename, touch), and one rebuild should answer them all.
 * Hidden names (".x.md.swp", "~" backups) are ignored, as the content folder ignores them.
 * Single files (the site config) can be watched too, without the rest of their folder.
 */
final class FolderWatcher implements AutoCloseable {

    /** A save that keeps going (a tool writing many files) still rebuilds this often. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    /** How long closing waits for a rebuild in progress. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    /** Folders watched only for the single files in {@link #files}, not as trees. */
    private final Map<WatchKey, Path> fileFolders = new HashMap<>();
    private final Set<Path> files = new HashSet<>();
    private final Duration quiet;
    private final Consumer<Set<Path>> onChange;
    private final Thread thread;

    FolderWatcher(List<Path> roots, Duration quiet, Consumer<Set<Path>> onChange) throws IOException {
        this(roots, List.of(), quiet, onChange);
    }

    /** @param files single files to watch as well, each by its folder's events for its name */
    FolderWatcher(List<Path> roots, List<Path> files, Duration quiet, Consumer<Set<Path>> onChange) throws IOException {
        this.service = roots.get(0).getFileSystem().newWatchService();
        this.quiet = quiet;
        this.onChange = onChange;
        for (Path root : roots) {
            registerTree(root.toAbsolutePath().normalize(), new LinkedHashSet<>());
        }
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            Path folder = absolute.getParent();
            if (folder != null && Files.isDirectory(folder)) {
                this.files.add(absolute);
                fileFolders.put(folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
            }
        }
        this.thread = new Thread(this::run, "longhand-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Set<Path> changed = new LinkedHashSet<>();
                drain(service.take(), changed);
                long deadline = System.nanoTime() + MAX_WAIT.toNanos();
                WatchKey more;
                while (System.nanoTime() < deadline
                        && (more = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more, changed);
                }
                if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    private void drain(WatchKey key, Set<Path> changed) {
        Path folder = folders.get(key);
        if (folder == null && fileFolders.containsKey(key)) {
            // A folder watched only for single files: pass on just those.
            Path parent = fileFolders.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW) {
                    changed.addAll(files.stream().filter(f -> parent.equals(f.getParent())).toList());
                } else if (event.context() instanceof Path name && files.contains(parent.resolve(name))) {
                    changed.add(parent.resolve(name));
                }
            }
            if (!key.reset()) {
                fileFolders.remove(key);
            }
            return;
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                // Events were lost: name the folder, the site then compares every file.
                if (folder != null) {
                    changed.add(folder);
                }
                continue;
            }
            if (folder == null || !(event.context() instanceof Path name) || ignored(name)) {
                continue;
            }
            Path path = folder.resolve(name);
            changed.add(path);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                // Files may have landed in it before it was watched: count them as changed.
                registerTree(path, changed);
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    private void registerTree(Path root, Set<Path> changed) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && ignored(dir.getFileName())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folders.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!ignored(file.getFileName())) {
                        changed.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // The folder went away again before it could be watched; its parent's event covers it.
        }
    }

    private static boolean ignored(Path name) {
        String text = name.toString();
        return text.startsWith(".") || text.endsWith("~");
    }

    @Override
    /**
     * Stops watching and waits (a while) for a rebuild in progress to end, so that nothing is
     * written into the folder after the server stopped: whoever closes may delete it next.
     */
    public void close() throws IOException {
        // Closing the service ends the thread's wait; a rebuild in progress runs to its end.
        service.close();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
