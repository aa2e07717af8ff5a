package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
)

// The server workload: an HTTP API on a loopback port, hit by concurrent clients. Each request
// renders a response (short-lived) and stores the user's session (long-lived, `retained` bytes).
// What is live when the profile is written also depends on connections, their bufio buffers and
// requests the runtime has not collected yet.

const (
	serverUsers    = 4000
	serverClients  = 8
	serverRequests = 600
)

type sessionStore struct {
	mu       sync.Mutex
	sessions map[int][]byte
	retained int
}

func (s *sessionStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.URL.Query().Get("user"))
	if err != nil {
		http.Error(w, "bad user", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	session, ok := s.sessions[id]
	if !ok {
		session = newSession(id, s.retained)
		s.sessions[id] = session
	}
	s.mu.Unlock()
	body := renderPage(id, session)
	_, _ = w.Write(body)
}

func newSession(id, size int) []byte {
	b := make([]byte, size)
	copy(b, strconv.Itoa(id))
	return b
}

func renderPage(id int, session []byte) []byte {
	// A template's scratch space, garbage once the page is rendered.
	scratch := make([]byte, 32<<10)
	scratch[0] = session[0]
	page := make([]byte, 0, 2048+int(scratch[0]&1))
	page = append(page, fmt.Sprintf("<html><body>user %d, session %x</body></html>", id, session[:8])...)
	for len(page) < 2000 {
		page = append(page, ' ')
	}
	return page
}

func runServer(retained int) any {
	store := &sessionStore{sessions: map[int][]byte{}, retained: retained}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: store}
	go func() { _ = srv.Serve(ln) }()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: serverClients}}
	url := "http://" + ln.Addr().String() + "/?user="
	var wg sync.WaitGroup
	for c := 0; c < serverClients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < serverRequests; i++ {
				// Users arrive over the whole run, and come back.
				user := (c + i*serverClients) * 5 / 6 % serverUsers
				resp, err := client.Get(url + strconv.Itoa(user))
				if err != nil {
					panic(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}(c)
	}
	wg.Wait()
	// The server stays up with its idle connections, as a service's does when it is profiled.
	return []any{store, srv, client}
}
