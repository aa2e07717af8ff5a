package main

import (
	"hash/fnv"
	"io"
	"strconv"
	"strings"
)

// The builder pattern: a report writer keeps one strings.Builder and forgets to Reset it, so each
// report carries every earlier one and publishing it copies an ever longer string. Allocated bytes
// grow with the square of the report count (alloc_space); the retained builder also holds every
// report written so far.

type reportWriter struct {
	b    strings.Builder
	sink io.Writer
}

type reportLine struct {
	name  string
	count int64
	bytes int64
}

func runBuilder(variant string, scale float64) any {
	reports := scaled(400, scale)
	lines := make([]reportLine, 40)
	for i := range lines {
		lines[i] = reportLine{name: "endpoint/" + strconv.Itoa(i), count: int64(i * 37), bytes: int64(i * 4099)}
	}
	w := &reportWriter{sink: fnv.New64a()}
	for i := 0; i < reports; i++ {
		var s string
		if variant == "regressed" {
			s = w.buildReportNoReset(i, lines)
		} else {
			s = w.buildReportWithReset(i, lines)
		}
		w.publishReport(s)
	}
	return w
}

// buildReportNoReset appends to the builder left over from the previous report.
func (w *reportWriter) buildReportNoReset(seq int, lines []reportLine) string {
	writeReportLines(&w.b, seq, lines)
	return w.b.String()
}

// buildReportWithReset starts each report from an empty builder.
func (w *reportWriter) buildReportWithReset(seq int, lines []reportLine) string {
	w.b.Reset()
	writeReportLines(&w.b, seq, lines)
	return w.b.String()
}

func writeReportLines(b *strings.Builder, seq int, lines []reportLine) {
	var num [20]byte
	b.WriteString("report #")
	b.Write(strconv.AppendInt(num[:0], int64(seq), 10))
	b.WriteByte('\n')
	for _, l := range lines {
		b.WriteString(l.name)
		b.WriteByte('\t')
		b.Write(strconv.AppendInt(num[:0], l.count+int64(seq), 10))
		b.WriteByte('\t')
		b.Write(strconv.AppendInt(num[:0], l.bytes, 10))
		b.WriteByte('\n')
	}
}

// publishReport hands the report to a writer, which needs bytes: one copy of the whole report.
func (w *reportWriter) publishReport(s string) {
	w.sink.Write([]byte(s))
}
