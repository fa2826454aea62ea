package org.onedoor.shared;

/**
 * One page of a list: {@code page} counts from 0 and {@code size} is between 1 and {@link #MAX_SIZE}.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException("page", "Page " + page + " is invalid. Pages count from 0.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "Page size " + size + " is invalid. Use 1 to " + MAX_SIZE + ".");
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
