// Package folder owns the local folder collector: it walks a directory and lists the
// files terril can read as file:// URLs.
package folder
