package main

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
)

// The convert pattern: serializing items one by one with fmt.Sprintf and json.Marshal boxes each
// value in an interface and allocates a fresh string or slice per call; appending with strconv
// into one reused buffer allocates nothing per item. Moves alloc_objects (and alloc_space).

type orderItem struct {
	ID       int64   `json:"id"`
	SKU      string  `json:"sku"`
	Quantity int     `json:"quantity"`
	Price    float64 `json:"price"`
}

func runConvert(variant string, scale float64) any {
	n := scaled(40000, scale)
	r := rng(0x853c49e6748fea9b)
	items := make([]orderItem, 256)
	skus := make([]string, len(items))
	for i := range items {
		skus[i] = "SKU-" + strconv.Itoa(1000+i)
	}
	sink := fnv.New64a()
	var buf []byte
	for done := 0; done < n; done += len(items) {
		for i := range items {
			items[i] = orderItem{ID: int64(r.next() >> 20), SKU: skus[i], Quantity: 1 + r.intn(9), Price: float64(r.intn(100000)) / 100}
		}
		if variant == "regressed" {
			encodeItemsSprintf(sink, items)
		} else {
			buf = encodeItemsAppend(sink, items, buf)
		}
	}
	return buf
}

// encodeItemsSprintf formats each key with fmt.Sprintf and each item with json.Marshal.
func encodeItemsSprintf(w io.Writer, items []orderItem) {
	for i := range items {
		key := fmt.Sprintf("order-item:%d", items[i].ID)
		body, err := json.Marshal(items[i])
		if err != nil {
			panic(err)
		}
		io.WriteString(w, key)
		w.Write(body)
	}
}

// encodeItemsAppend writes the same bytes through one reused buffer with strconv.Append*.
func encodeItemsAppend(w io.Writer, items []orderItem, buf []byte) []byte {
	for i := range items {
		it := &items[i]
		buf = append(buf[:0], "order-item:"...)
		buf = strconv.AppendInt(buf, it.ID, 10)
		buf = append(buf, `{"id":`...)
		buf = strconv.AppendInt(buf, it.ID, 10)
		buf = append(buf, `,"sku":`...)
		buf = strconv.AppendQuote(buf, it.SKU)
		buf = append(buf, `,"quantity":`...)
		buf = strconv.AppendInt(buf, int64(it.Quantity), 10)
		buf = append(buf, `,"price":`...)
		buf = strconv.AppendFloat(buf, it.Price, 'f', -1, 64)
		buf = append(buf, '}')
		w.Write(buf)
	}
	return buf
}
