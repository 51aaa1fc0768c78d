package com.busanev.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Strict shapes of the CloudNativePG and Keycloak operator resources this repository uses, written from their
 * CRD schemas for the fields used here: read with FAIL_ON_UNKNOWN_PROPERTIES, a misspelt or misplaced field
 * fails. Neither project publishes Java models on Maven Central that load without its operator runtime (Strimzi
 * does: its resources are read with io.strimzi:api); see docs/deploy.md.
 */
final class OperatorResources {
    private OperatorResources() {
    }

    record Meta(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record Cluster(String apiVersion, String kind, Meta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(int instances, String imageName, ClusterStorage storage, Bootstrap bootstrap) {
    }

    record ClusterStorage(String size) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner) {
    }

    record Keycloak(String apiVersion, String kind, Meta metadata, KeycloakSpec spec) {
    }

    record KeycloakSpec(int instances, KeycloakDb db, Http http, Hostname hostname, Proxy proxy, Ingress ingress,
            Unsupported unsupported) {
    }

    record KeycloakDb(String vendor, String host, String database, SecretKey usernameSecret, SecretKey passwordSecret) {
    }

    record SecretKey(String name, String key) {
    }

    record Http(boolean httpEnabled) {
    }

    record Hostname(String hostname, boolean backchannelDynamic) {
    }

    record Proxy(String headers) {
    }

    /** The Ingress the operator creates for Keycloak (host from {@code hostname}, TLS from {@code tlsSecret}). */
    record Ingress(boolean enabled, String className, String tlsSecret, Map<String, String> annotations) {
    }

    /** The operator's starting point for Keycloak's pods; ManifestsTest reads it with the strict Kubernetes model. */
    record Unsupported(JsonNode podTemplate) {
    }

    record KeycloakRealmImport(String apiVersion, String kind, Meta metadata, RealmImportSpec spec) {
    }

    record RealmImportSpec(@JsonProperty("keycloakCRName") String keycloakCRName, JsonNode realm,
            Map<String, Placeholder> placeholders) {
    }

    /** A {@code ${NAME}} in the realm that the import replaces with a Secret's value. */
    record Placeholder(SecretKey secret) {
    }
}
