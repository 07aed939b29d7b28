package vn.motcua.systemd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * systemd's notification protocol ({@code sd_notify(3)}): one datagram per notification to the unix socket named by
 * {@code NOTIFY_SOCKET}. The JDK has no unix datagram sockets, so this calls libc's {@code socket} and
 * {@code sendto} through JNA (on a unit's class path for Pi4J's linuxfs plugin anyway). Sending from the JVM
 * itself keeps {@code NotifyAccess=main} possible and avoids the race of a helper process ({@code systemd-notify})
 * that exits before systemd has looked up which service sent the message. Failures are logged, never thrown: a unit
 * or the hub must keep serving citizens even when its supervisor cannot hear it.
 */
public final class SdNotify implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(SdNotify.class);

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int MSG_NOSIGNAL = 0x4000;
    /** {@code sizeof(sun_path)} on Linux. */
    private static final int SUN_PATH_MAX = 108;

    /** The libc calls we need; {@code size_t}/{@code ssize_t} are a C long on every Linux ABI, 32 or 64 bits. */
    private interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
                throws LastErrorException;
    }

    private final LibC libc;
    private final int fd;
    private final byte[] address;
    private final String socketName;

    private SdNotify(LibC libc, int fd, byte[] address, String socketName) {
        this.libc = libc;
        this.fd = fd;
        this.address = address;
        this.socketName = socketName;
    }

    /**
     * A notifier for the socket {@code env} names in {@code NOTIFY_SOCKET} (a path, or {@code @name} in the abstract
     * namespace); one that does nothing when it names none or one this code cannot reach (logged).
     */
    public static Notifier fromEnvironment(Map<String, String> env) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return state -> { };
        }
        try {
            byte[] address = sockaddrUn(socket);
            LibC libc = Native.load("c", LibC.class);
            return new SdNotify(libc, libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0), address, socket);
        } catch (IllegalArgumentException | LastErrorException | UnsatisfiedLinkError e) {
            log.warn("NOTIFY_SOCKET={} cannot be used ({}); systemd will not hear from this process", socket,
                    e.toString());
            return state -> { };
        }
    }

    /**
     * The watchdog timeout systemd set for this process ({@code WATCHDOG_USEC}), unless {@code WATCHDOG_PID} names
     * another process (the variables were inherited from a parent, so the pings are not ours to send).
     */
    public static Optional<Duration> watchdogTimeout(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        String forPid = env.get("WATCHDOG_PID");
        if (usec == null || (forPid != null && !forPid.equals(Long.toString(pid)))) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(usec);
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
        } catch (NumberFormatException e) {
            log.warn("WATCHDOG_USEC={} is not a number of microseconds; no watchdog pings", usec);
            return Optional.empty();
        }
    }

    @Override
    public void notify(String state) {
        byte[] message = state.getBytes(StandardCharsets.UTF_8);
        try {
            libc.sendto(fd, message, new NativeLong(message.length), MSG_NOSIGNAL, address, address.length);
        } catch (LastErrorException e) {
            log.warn("could not tell systemd {} through {}: errno {}", state.replace('\n', ' '), socketName,
                    e.getErrorCode());
        }
    }

    /**
     * {@code struct sockaddr_un} for {@code socket}: the family in native byte order, then the path with its NUL, or
     * for {@code @name} a leading NUL and the name without one (abstract addresses are counted, not terminated).
     */
    static byte[] sockaddrUn(String socket) {
        boolean abstractName = socket.startsWith("@");
        if (!abstractName && !socket.startsWith("/")) {
            throw new IllegalArgumentException("not a unix socket path or @name: " + socket);
        }
        byte[] path = socket.getBytes(StandardCharsets.UTF_8);
        int pathLength = abstractName ? path.length : path.length + 1;
        if (pathLength > SUN_PATH_MAX) {
            throw new IllegalArgumentException("socket name longer than " + SUN_PATH_MAX + " bytes: " + socket);
        }
        ByteBuffer address = ByteBuffer.allocate(2 + pathLength).order(ByteOrder.nativeOrder());
        address.putShort((short) AF_UNIX);
        if (abstractName) {
            address.put((byte) 0).put(path, 1, path.length - 1);
        } else {
            address.put(path).put((byte) 0);
        }
        return address.array();
    }
}
