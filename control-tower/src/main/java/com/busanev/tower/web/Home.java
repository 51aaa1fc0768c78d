package com.busanev.tower.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Signing in lands on the first view the person's role can use. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class Home {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance none();
    }

    private final CurrentUser user;

    Home(CurrentUser user) {
        this.user = user;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(user.home())).build();
    }

    @GET
    @Path("none")
    public TemplateInstance none() {
        return Templates.none();
    }
}
