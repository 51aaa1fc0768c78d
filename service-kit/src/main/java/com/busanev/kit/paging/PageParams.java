package com.busanev.kit.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code ?page=&size=} of every list endpoint; zero-based pages, at most 500 items each. */
public class PageParams {
    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(1_000_000) // page * size must stay an int offset
    @Parameter(description = "Zero-based page number, at most 1,000,000")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    @Parameter(description = "Items per page, 1 to 500")
    public int size;

    public static PageParams of(int page, int size) {
        PageParams params = new PageParams();
        params.page = page;
        params.size = size;
        return params;
    }
}
