package pdfread

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// ErrNoTesseract is returned when the tesseract binary or its French model is missing.
var ErrNoTesseract = errors.New("OCR unavailable: tesseract or its French model (tesseract-ocr-fra) not installed")

// An OCR runs the tesseract binary on page images. Whether tesseract and the
// language model are installed is checked once, on first use.
type OCR struct {
	Binary string // path or name of the tesseract binary; "" means "tesseract"
	Lang   string // tesseract language; "" means "fra"

	once sync.Once
	path string
	err  error
}

// Available reports, once per OCR, whether tesseract and the language model are
// installed: nil, or an error wrapping ErrNoTesseract that says what is missing.
func (o *OCR) Available() error {
	o.once.Do(func() {
		bin := o.Binary
		if bin == "" {
			bin = "tesseract"
		}
		p, err := exec.LookPath(bin)
		if err != nil {
			o.err = fmt.Errorf("%w (%v)", ErrNoTesseract, err)
			return
		}
		out, err := exec.Command(p, "--list-langs").CombinedOutput()
		if err != nil {
			o.err = fmt.Errorf("%w (%s --list-langs: %v)", ErrNoTesseract, p, err)
			return
		}
		if !hasLine(string(out), o.lang()) {
			o.err = fmt.Errorf("%w (no %q model)", ErrNoTesseract, o.lang())
			return
		}
		o.path = p
	})
	return o.err
}

func (o *OCR) lang() string {
	if o.Lang == "" {
		return "fra"
	}
	return o.Lang
}

func hasLine(s, want string) bool {
	for line := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(line) == want {
			return true
		}
	}
	return false
}

// Recognize returns the text tesseract reads in an image (PNG bytes). Tesseract runs
// single-threaded (OMP_THREAD_LIMIT=1): the pipeline's worker pool is the
// parallelism.
func (o *OCR) Recognize(ctx context.Context, png []byte) (string, error) {
	return o.recognize(ctx, png, "3")
}

// RecognizeBlock reads the image as one uniform block of text (tesseract's page
// segmentation mode 6). Page layout analysis (Recognize) cuts a printed name crossed
// by a handwritten signature into noise; read as a block, the name often survives.
func (o *OCR) RecognizeBlock(ctx context.Context, png []byte) (string, error) {
	return o.recognize(ctx, png, "6")
}

func (o *OCR) recognize(ctx context.Context, png []byte, psm string) (string, error) {
	if err := o.Available(); err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, o.path, "stdin", "stdout", "-l", o.lang(), "--psm", psm)
	cmd.Stdin = bytes.NewReader(png)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 200 {
			msg = msg[:200]
		}
		return "", fmt.Errorf("tesseract: %v: %s", err, msg)
	}
	return stdout.String(), nil
}
