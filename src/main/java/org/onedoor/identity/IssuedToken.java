package org.onedoor.identity;

/**
 * A token just issued. {@code secret} exists only in this object and in the response that shows it once, because
 * the database keeps only its SHA-256 hash.
 */
public record IssuedToken(long id, String name, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", name=" + name + "]";
    }
}
