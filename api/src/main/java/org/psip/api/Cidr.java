package org.psip.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One IPv4 or IPv6 network ("10.0.0.0/8", "2001:db8::/32", or a bare address for one host),
 * parsed once so that {@link #contains(InetAddress)} only compares bits.
 *
 * <p>Parsing reads address literals itself and never resolves a name: an ACL entry must not
 * turn into a DNS query. It is strict, because a typo in an ACL opens or closes a network:
 * an address with host bits set ("10.1.2.3/8") is rejected rather than silently widened.
 *
 * <p>An IPv4 network also contains the IPv4-mapped IPv6 form of its addresses
 * (::ffff:192.0.2.7), which a dual-stack socket reports for IPv4 peers; an IPv6 network
 * written in mapped form (::ffff:192.0.2.0/120) is treated as the IPv4 network it denotes.
 * An IPv6 network never contains an IPv4 address, so ::/0 admits every IPv6 source and no
 * IPv4 one.
 */
public final class Cidr {

    private static final int IPV4_BITS = 32;
    private static final int IPV6_BITS = 128;

    private final boolean ipv4;
    private final int prefixLength;
    // IPv6 as two 64-bit halves; IPv4 in the low 32 bits of 'low', so a lookup is two masks and compares
    private final long high;
    private final long low;
    private final long highMask;
    private final long lowMask;

    private Cidr(boolean ipv4, long high, long low, int prefixLength) {
        this.ipv4 = ipv4;
        this.prefixLength = prefixLength;
        this.highMask = ipv4 ? 0 : highMask(prefixLength);
        this.lowMask = ipv4 ? ipv4Mask(prefixLength) : lowMask(prefixLength);
        this.high = high;
        this.low = low;
    }

    /**
     * @param text "address/prefix" or a bare address; surrounding blanks are ignored
     * @throws IllegalArgumentException with a message fit to show the person who wrote {@code text}
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = AddressLiterals.parse(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 network");
        }
        int maxBits = bytes.length * 8;
        int prefix = slash < 0 ? maxBits : parsePrefix(trimmed.substring(slash + 1), maxBits);
        Cidr cidr = bytes.length == 4
                ? new Cidr(true, 0, toLong(bytes, 0, 4), prefix)
                : new Cidr(false, toLong(bytes, 0, 8), toLong(bytes, 8, 8), prefix);
        if ((cidr.high & ~cidr.highMask) != 0 || (cidr.low & ~cidr.lowMask) != 0) {
            Cidr network = cidr.withoutHostBits();
            throw new IllegalArgumentException("'" + text + "' has host bits set; the network is " + network
                    + ", the single address " + address + "/" + maxBits);
        }
        return cidr.isIpv4MappedNetwork() ? cidr.asIpv4Network() : cidr;
    }

    /** Whether {@code address} lies in this network. Never blocks, never resolves. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return ipv4 && (toLong(bytes, 0, 4) & lowMask) == low;
        }
        if (isIpv4Mapped(bytes)) {
            return ipv4 && (toLong(bytes, 12, 4) & lowMask) == low;
        }
        return !ipv4 && (toLong(bytes, 0, 8) & highMask) == high && (toLong(bytes, 8, 8) & lowMask) == low;
    }

    public boolean isIpv4() {
        return ipv4;
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** The canonical form, "10.0.0.0/8" or "2001:db8::/32" (RFC 5952), whatever form it was parsed from. */
    @Override
    public String toString() {
        return (ipv4 ? AddressLiterals.formatIpv4(low) : AddressLiterals.formatIpv6(high, low)) + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && ipv4 == that.ipv4 && prefixLength == that.prefixLength
                && high == that.high && low == that.low;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ipv4, prefixLength, high, low);
    }

    private static int parsePrefix(String digits, int maxBits) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("prefix '" + digits + "' is not a number from 0 to " + maxBits);
        }
        int prefix = Integer.parseInt(digits);
        if (prefix > maxBits) {
            throw new IllegalArgumentException("prefix " + prefix + " is too long for " + (maxBits == IPV4_BITS ? "IPv4" : "IPv6"));
        }
        return prefix;
    }

    private Cidr withoutHostBits() {
        return new Cidr(ipv4, high & highMask, low & lowMask, prefixLength);
    }

    private boolean isIpv4MappedNetwork() {
        return !ipv4 && prefixLength >= IPV6_BITS - IPV4_BITS && high == 0 && (low >>> 32) == 0xffffL;
    }

    private Cidr asIpv4Network() {
        return new Cidr(true, 0, low & 0xffff_ffffL, prefixLength - (IPV6_BITS - IPV4_BITS));
    }

    private static boolean isIpv4Mapped(byte[] ipv6) {
        for (int i = 0; i < 10; i++) {
            if (ipv6[i] != 0) {
                return false;
            }
        }
        return ipv6[10] == (byte) 0xff && ipv6[11] == (byte) 0xff;
    }

    private static long toLong(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    private static long ipv4Mask(int prefix) {
        return prefix == 0 ? 0 : (0xffff_ffffL << (IPV4_BITS - prefix)) & 0xffff_ffffL;
    }

    private static long highMask(int prefix) {
        return prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
    }

    private static long lowMask(int prefix) {
        return prefix <= 64 ? 0 : -1L << (IPV6_BITS - prefix);
    }

    /** Address literals read and written by hand, so that nothing can fall through to a name lookup. */
    private static final class AddressLiterals {

        /** @return 4 or 16 bytes, or null when {@code text} is not an IPv4 or IPv6 literal */
        static byte[] parse(String text) {
            return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
        }

        /** Dotted quad, decimal, no leading zeros (they mean octal to some parsers). */
        static byte[] parseIpv4(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                String part = parts[i];
                if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
                        || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return null;
                }
                int value = Integer.parseInt(part);
                if (value > 255) {
                    return null;
                }
                bytes[i] = (byte) value;
            }
            return bytes;
        }

        /** RFC 4291 text forms: eight groups, one "::" for a run of zero groups, a dotted quad at the end. */
        static byte[] parseIpv6(String text) {
            int gap = text.indexOf("::");
            if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
                return null;
            }
            int[] head = parseGroups(gap < 0 ? text : text.substring(0, gap), gap < 0);
            int[] tail = gap < 0 ? new int[0] : parseGroups(text.substring(gap + 2), true);
            if (head == null || tail == null) {
                return null;
            }
            int groups = head.length + tail.length;
            if (gap < 0 ? groups != 8 : groups > 7) {
                return null;
            }
            byte[] bytes = new byte[16];
            for (int i = 0; i < head.length; i++) {
                putGroup(bytes, i, head[i]);
            }
            for (int i = 0; i < tail.length; i++) {
                putGroup(bytes, 8 - tail.length + i, tail[i]);
            }
            return bytes;
        }

        /** @return 16-bit groups (a trailing dotted quad counts as two), or null */
        private static int[] parseGroups(String text, boolean dottedQuadAllowedAtEnd) {
            if (text.isEmpty()) {
                return new int[0];
            }
            String[] parts = text.split(":", -1);
            boolean dottedQuad = dottedQuadAllowedAtEnd && parts[parts.length - 1].indexOf('.') >= 0;
            int[] groups = new int[parts.length + (dottedQuad ? 1 : 0)];
            int hexParts = dottedQuad ? parts.length - 1 : parts.length;
            for (int i = 0; i < hexParts; i++) {
                groups[i] = parseHexGroup(parts[i]);
                if (groups[i] < 0) {
                    return null;
                }
            }
            if (dottedQuad) {
                byte[] ipv4 = parseIpv4(parts[parts.length - 1]);
                if (ipv4 == null) {
                    return null;
                }
                groups[hexParts] = (ipv4[0] & 0xff) << 8 | (ipv4[1] & 0xff);
                groups[hexParts + 1] = (ipv4[2] & 0xff) << 8 | (ipv4[3] & 0xff);
            }
            return groups;
        }

        private static int parseHexGroup(String part) {
            if (part.isEmpty() || part.length() > 4) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                // ASCII only: Character.digit would also take other scripts' digits
                boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex) {
                    return -1;
                }
                value = value << 4 | Character.digit(c, 16);
            }
            return value;
        }

        private static void putGroup(byte[] bytes, int group, int value) {
            bytes[2 * group] = (byte) (value >>> 8);
            bytes[2 * group + 1] = (byte) value;
        }

        static String formatIpv4(long value) {
            return (value >>> 24 & 0xff) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
        }

        /** RFC 5952: lower-case hex, no leading zeros, the first longest run of two or more zero groups as "::". */
        static String formatIpv6(long high, long low) {
            int[] groups = new int[8];
            for (int i = 0; i < 4; i++) {
                groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
                groups[4 + i] = (int) (low >>> (48 - 16 * i)) & 0xffff;
            }
            int bestStart = -1;
            int bestLength = 1;
            for (int start = 0; start < 8; start++) {
                int length = 0;
                while (start + length < 8 && groups[start + length] == 0) {
                    length++;
                }
                if (length > bestLength) {
                    bestStart = start;
                    bestLength = length;
                }
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    text.append("::");
                    i += bestLength - 1;
                    continue;
                }
                if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
            return text.toString();
        }
    }
}
