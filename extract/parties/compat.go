package parties

import "terril/extract/lex"

// frenchWords is the embedded French word list.
func frenchWords() *lex.WordList { return lex.French() }
