#!/usr/bin/env python3
"""Normal requests' latency while the server holds a crowd: IDLE keep-alive connections that
sent one request and stay open, and SLOW clients sending a request head one byte a second
(each reconnecting when the server gives up on it). wrk measures GET PATH meanwhile.

    bench/http_crowd.py HOST PORT PATH TOKEN [--idle 2000] [--slow 200] [--duration 10] [--pid PID]

Prints wrk's requests/s and p99, how many crowd connections were open at the end, and the
server's resident memory before and after (from /proc/PID/status when --pid is given)."""
import argparse
import asyncio
import re
import resource
import subprocess


def rss_kib(pid):
    if not pid:
        return None
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


async def idle_client(host, port, opened, stop):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    length = int(re.search(rb"Content-Length: (\d+)", head, re.I).group(1))
    await reader.readexactly(length)
    opened.append(1)
    await stop.wait()
    writer.close()


async def slow_client(host, port, stop, counts):
    request = f"GET /healthz HTTP/1.1\r\nHost: {host}\r\nX-Slow: {'a' * 40}\r\n\r\n".encode()
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(host, port)
            counts["connected"] += 1
            for byte in request:
                if stop.is_set():
                    break
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(1)
            writer.close()
        except (ConnectionError, OSError):
            counts["dropped"] += 1
            await asyncio.sleep(1)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("path")
    parser.add_argument("token")
    parser.add_argument("--idle", type=int, default=2000)
    parser.add_argument("--slow", type=int, default=200)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--pid", type=int)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))
    before = rss_kib(args.pid)
    stop = asyncio.Event()
    opened = []
    counts = {"connected": 0, "dropped": 0}
    idle = [asyncio.create_task(idle_client(args.host, args.port, opened, stop)) for _ in range(args.idle)]
    while len(opened) < args.idle:
        await asyncio.sleep(0.1)
    slow = [asyncio.create_task(slow_client(args.host, args.port, stop, counts)) for _ in range(args.slow)]
    await asyncio.sleep(2)
    wrk = await asyncio.create_subprocess_exec(
        "wrk", "-t2", "-c64", f"-d{args.duration}s", "--latency", "-H", f"Authorization: Bearer {args.token}",
        f"http://{args.host}:{args.port}{args.path}", stdout=subprocess.PIPE)
    output = (await wrk.communicate())[0].decode()
    during = rss_kib(args.pid)
    stop.set()
    await asyncio.gather(*idle, *slow, return_exceptions=True)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)
    p99 = re.search(r"99%\s+(\S+)", output).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    print(f"crowd: {args.idle} idle keep-alive connections open, {args.slow} slow clients "
          f"({counts['connected']} slow connections made, {counts['dropped']} refused)")
    print(f"GET {args.path} meanwhile: {float(rps):,.0f} requests/s, p99 {p99}, "
          f"non-2xx {non2xx.group(1) if non2xx else 0}")
    if before is not None:
        print(f"server memory (RSS): {before / 1024:.0f} MiB before, {during / 1024:.0f} MiB with the crowd")


asyncio.run(main())
