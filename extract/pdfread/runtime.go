package pdfread

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Defaults of the PDFium runtime.
const (
	// DefaultMemoryMiB bounds the linear memory of each PDFium instance. A 300 dpi
	// grey rendering of an A4 page takes 9 MiB; recueils of a few hundred pages load
	// within a few hundred MiB.
	DefaultMemoryMiB = 1024
	// DefaultInstances is the number of PDFium instances that read concurrently.
	DefaultInstances = 2
)

// RuntimeOptions configure the PDFium runtime.
type RuntimeOptions struct {
	// CacheDir holds wazero's compilation cache, so that only the first run of a
	// machine compiles the WebAssembly module (about 5 s). Empty means
	// DefaultCacheDir(); "-" disables the disk cache.
	CacheDir string
	// MemoryMiB bounds each instance's memory; 0 means DefaultMemoryMiB.
	MemoryMiB int
	// Instances is how many PDFium instances may run at once; 0 means
	// DefaultInstances.
	Instances int
}

// DefaultCacheDir is $TERRIL_PDFIUM_CACHE when set, else
// os.UserCacheDir()/terril/pdfium, or a directory under the system's temporary
// directory when the user has no cache directory.
func DefaultCacheDir() string {
	if d := os.Getenv("TERRIL_PDFIUM_CACHE"); d != "" {
		return d
	}
	base, err := os.UserCacheDir()
	if err != nil || base == "" {
		base = os.TempDir()
	}
	return filepath.Join(base, "terril", "pdfium")
}

// A Runtime is PDFium compiled to WebAssembly and run by wazero: pure Go, no cgo, no
// system library. It starts on first use, once; it is safe for concurrent use.
type Runtime struct {
	opts RuntimeOptions
	once sync.Once
	pool pdfium.Pool
	err  error
	// Started is how long the start took (compilation or cache load).
	started   time.Duration
	announced sync.Once
}

// compileSeconds is about how long wazero takes to compile PDFium on one core of
// an ordinary machine, for the notice of the first use.
const compileSeconds = 10

// announce tells w, once, that the engine is about to be compiled when it has not
// started yet and its compilation cache is empty: the first PDF that needs PDFium
// then waits some seconds with nothing else to show.
func (rt *Runtime) announce(w io.Writer) {
	rt.announced.Do(func() {
		if w == nil || !rt.coldCache() {
			return
		}
		fmt.Fprintf(w, "terril: compiling the PDF engine (first use, ~%d s)…\n", compileSeconds)
	})
}

// coldCache reports whether the compilation cache holds nothing yet (or there is
// none), so that starting compiles.
func (rt *Runtime) coldCache() bool {
	if rt.opts.CacheDir == "-" {
		return true
	}
	found := false
	_ = filepath.WalkDir(rt.opts.CacheDir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return !found
}

// NewRuntime returns a runtime that starts on first use.
func NewRuntime(opts RuntimeOptions) *Runtime {
	if opts.MemoryMiB <= 0 {
		opts.MemoryMiB = DefaultMemoryMiB
	}
	if opts.Instances <= 0 {
		opts.Instances = DefaultInstances
	}
	if opts.CacheDir == "" {
		opts.CacheDir = DefaultCacheDir()
	}
	return &Runtime{opts: opts}
}

var (
	sharedOnce sync.Once
	shared     *Runtime
)

// Shared returns the process's runtime with default options, created once. Every
// Reader without a runtime of its own uses it, so that the module is compiled or
// loaded once per process.
func Shared() *Runtime {
	sharedOnce.Do(func() { shared = NewRuntime(RuntimeOptions{}) })
	return shared
}

// start compiles (or loads from the cache) the module and creates the pool.
func (rt *Runtime) start() error {
	rt.once.Do(func() {
		t0 := time.Now()
		cfg := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(uint32(rt.opts.MemoryMiB * 16)). // 64 KiB pages
			WithCloseOnContextDone(true)
		if rt.opts.CacheDir != "-" {
			if err := os.MkdirAll(rt.opts.CacheDir, 0o755); err == nil {
				if cache, err := wazero.NewCompilationCacheWithDir(rt.opts.CacheDir); err == nil {
					cfg = cfg.WithCompilationCache(cache)
				}
			}
		}
		rt.pool, rt.err = webassembly.Init(webassembly.Config{
			MinIdle:       0,
			MaxIdle:       rt.opts.Instances,
			MaxTotal:      rt.opts.Instances,
			ReuseWorkers:  true,
			RuntimeConfig: cfg,
			FSConfig:      wazero.NewFSConfig(), // no file system: documents are passed as bytes
			Stdout:        io.Discard,
			Stderr:        io.Discard,
		})
		if rt.err != nil {
			rt.err = fmt.Errorf("pdfium: start: %w", rt.err)
		}
		rt.started = time.Since(t0)
	})
	return rt.err
}

// StartTime returns how long the runtime took to start (0 before it has started).
func (rt *Runtime) StartTime() time.Duration {
	return rt.started
}

// instance returns a PDFium instance from the pool; the caller must Close it.
func (rt *Runtime) instance(ctx context.Context) (pdfium.Pdfium, error) {
	if err := rt.start(); err != nil {
		return nil, err
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 10*time.Minute)
		defer cancel()
	}
	inst, err := rt.pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("pdfium: no instance: %w", err)
	}
	return inst, nil
}

// Close stops the runtime. It is not needed before the process exits.
func (rt *Runtime) Close() error {
	if rt.pool == nil {
		return nil
	}
	return rt.pool.Close()
}
