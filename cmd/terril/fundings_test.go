package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fundingCorpus writes two communiqués with funding events and returns their
// folder.
func fundingCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	docs := map[string]string{
		"cp-region-bethune.txt": "COMMUNIQUÉ DE PRESSE\n\nLille, le 14 mars 2022\n\n" +
			"La Région Hauts-de-France attribue une subvention de 1 200 000 € à la commune de Béthune pour la rénovation de 120 logements sociaux du quartier du Mont-Liébaut.\n\n" +
			"Elle accorde aussi 300 000 € à la commune de Lens pour la rénovation énergétique de logements, dont 100 000 € pour l'isolation des toitures.\n",
		"cp-etat-dsil.txt": "COMMUNIQUÉ DE PRESSE\n\nArras, le 3 avril 2023\n\n" +
			"Le préfet du Pas-de-Calais a attribué entre 2 et 3 millions d'euros au titre de la DSIL à la commune de Béthune pour la réhabilitation de logements vacants.\n",
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFundingsCommand(t *testing.T) {
	ix := filepath.Join(t.TempDir(), "index")
	terril(t, false, "ingest", "-q", "--index", ix, fundingCorpus(t))

	// Sums by commune: the range from its low end, the "dont" part not added.
	out, _ := terril(t, false, "fundings", "--index", ix, "--sums", "commune", "--fdept", "62", "--since", "2018")
	for _, want := range []string{"3 200 000", "Béthune (62119)", "300 000", "Lens (62498)", "3 500 000"} {
		if !strings.Contains(out, want) {
			t.Errorf("fundings --sums commune lacks %q:\n%s", want, out)
		}
	}
	out, _ = terril(t, false, "fundings", "--index", ix, "--sums", "commune", "--min-total", "1M")
	if !strings.Contains(out, "Béthune") || strings.Contains(out, "Lens (62498)") {
		t.Errorf("--min-total 1M:\n%s", out)
	}

	// CSV: one row per event and commune, read back with encoding/csv.
	out, _ = terril(t, false, "fundings", "--index", ix, "--format", "csv", "--funder", "Région")
	rec, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, out)
	}
	if len(rec) != 4 || strings.Join(rec[0], ",") != strings.Join(fundingHeader, ",") {
		t.Fatalf("csv: %d records, header %v:\n%s", len(rec), rec[0], out)
	}
	if rec[1][0] != "cp-region-bethune.txt" || rec[1][6] != "62119" || rec[1][9] != "1200000" || rec[1][12] != "subvention" {
		t.Errorf("csv row: %v", rec[1])
	}

	// JSON Lines rows, and the instrument filter.
	out, _ = terril(t, false, "fundings", "--index", ix, "--format", "jsonl", "--instrument", "dotation")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("jsonl dotation: %d rows:\n%s", len(lines), out)
	}
	var row struct {
		Funder    string  `json:"funder"`
		Amount    float64 `json:"amount"`
		AmountMax float64 `json:"amount_max"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil || row.Funder != "État" || row.Amount != 2e6 || row.AmountMax != 3e6 {
		t.Errorf("jsonl row %+v (%v)", row, err)
	}

	// The table, and fundings in search --json.
	out, _ = terril(t, false, "fundings", "--index", ix, "Béthune")
	if !strings.Contains(out, "funding events") || !strings.Contains(out, "Région Hauts-de-France") {
		t.Errorf("table:\n%s", out)
	}
	out, _ = terril(t, false, "search", "--index", ix, "--json", "logements")
	if !strings.Contains(out, `"fundings"`) || !strings.Contains(out, `"instrument": "subvention"`) {
		t.Errorf("search --json has no fundings:\n%s", out)
	}
	terril(t, true, "fundings", "--index", ix, "--format", "xml")
	terril(t, true, "fundings", "--index", ix, "--sums", "nothing")
}

func TestCell(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"Région\x1b[31m Hauts-de-France", 40, "Région [31m Hauts-de-France"},
		{"ligne\nsuivante\r\tfin\u2028", 40, "ligne suivante fin"},
		{"Communauté d'agglomération de Lens-Liévin", 12, "Communauté…"},
		{"a\u202eb", 10, "a b"},
	} {
		if got := cell(c.in, c.n); got != c.want {
			t.Errorf("cell(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
