package dev.modelfn.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Wall-clock and this thread's CPU milliseconds of consecutive phases. The CPU figure leaves out the
 * collector's and compiler's threads but also the time other processes took the cores, which on a
 * shared two-core machine makes it the steadier of the two.
 */
final class Laps {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long[] wall;
    private final long[] cpu;
    private int count;
    private long lastWall = System.nanoTime();
    private long lastCpu = threads.getCurrentThreadCpuTime();

    Laps(int phases) {
        wall = new long[phases];
        cpu = new long[phases];
    }

    void lap() {
        long nowWall = System.nanoTime();
        long nowCpu = threads.getCurrentThreadCpuTime();
        wall[count] = (nowWall - lastWall) / 1_000_000;
        cpu[count] = (nowCpu - lastCpu) / 1_000_000;
        count++;
        lastWall = nowWall;
        lastCpu = nowCpu;
    }

    long[] wall() {
        return wall.clone();
    }

    long[] cpu() {
        return cpu.clone();
    }
}
