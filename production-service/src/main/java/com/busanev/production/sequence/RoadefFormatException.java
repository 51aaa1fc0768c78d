package com.busanev.production.sequence;

/** Input in the ROADEF 2005 format that cannot be read: names the file, the line (1-based) and the field. */
public class RoadefFormatException extends RuntimeException {
    private final String file;
    private final int line;
    private final String field;

    public RoadefFormatException(String file, int line, String field, String problem) {
        super(file + " line " + line + ", field " + field + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
