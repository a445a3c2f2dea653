package index

import (
	"reflect"
	"testing"
)

func TestParseMaps(t *testing.T) {
	maps := `55d0c0a00000-55d0c0a21000 r--p 00000000 08:01 1234 /usr/bin/terril
7f00aa000000-7f00aa100000 r--s 00000000 08:01 99 /tmp/ix dir/store/00000000000a.zap
7f00ab000000-7f00ab001000 rw-p 00000000 00:00 0
7f00ac000000-7f00ac002000 r--s 00000000 08:01 98 /tmp/ix/store/000000000009.zap (deleted)
7ffc1e000000-7ffc1e021000 rw-p 00000000 00:00 0 [stack]
garbage line
`
	want := []fileMap{
		{0x55d0c0a00000, 0x55d0c0a21000, "/usr/bin/terril"},
		{0x7f00aa000000, 0x7f00aa100000, "/tmp/ix dir/store/00000000000a.zap"},
		{0x7f00ac000000, 0x7f00ac002000, "/tmp/ix/store/000000000009.zap (deleted)"},
	}
	if got := parseMaps([]byte(maps)); !reflect.DeepEqual(got, want) {
		t.Errorf("parseMaps:\n got %v\nwant %v", got, want)
	}
}
