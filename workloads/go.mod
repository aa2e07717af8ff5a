module heapgate.dev/workloads

go 1.19
