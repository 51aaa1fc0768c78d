package com.busanev.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.busanev.events.EventType;
import com.busanev.events.Topics;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with {@code kubectl kustomize}, reads every object into a strict model (unknown
 * fields, missing required fields and wrong types fail) and checks that the objects refer to each other
 * correctly.
 */
class ManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Path REALM = Path.of("..", "local-stack", "src", "main", "resources", "realm", "ev-partnership-realm.json");
    private static final List<String> SERVICES = List.of("order-service", "production-service", "logistics-service", "supplier-service");
    /** The web application on top of the services: no database, no Kafka; it calls the services' APIs. */
    private static final String CONTROL_TOWER = "control-tower";
    /** Everything deployed from this repository's images. */
    private static final List<String> APPLICATIONS = List.of("order-service", "production-service", "logistics-service",
            "supplier-service", CONTROL_TOWER);
    /** The topic each service writes its events to (the design's producers; names from event-contract). */
    private static final Map<String, String> PRODUCED = Map.of("order-service", Topics.ORDER_EVENTS,
            "production-service", Topics.PRODUCTION_EVENTS, "supplier-service", Topics.SUPPLIER_EVENTS,
            "logistics-service", Topics.LOGISTICS_EVENTS);
    /** The keys CloudNativePG writes to a cluster's {@code <cluster>-app} Secret. */
    private static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "user", "password", "host", "port", "dbname",
            "pgpass", "uri", "jdbc-uri", "fqdn-uri", "fqdn-jdbc-uri");
    /** The keys Strimzi writes to a SCRAM-SHA-512 KafkaUser's Secret and to the cluster CA certificate's. */
    private static final Set<String> STRIMZI_USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");
    private static final Set<String> STRIMZI_CLUSTER_CA_CERT_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");
    /** The Secret production's realm import reads the confidential clients' secrets from, one key per client id. */
    private static final String CLIENT_SECRETS = "ev-partnership-client-secrets";
    private static final Pattern DATABASE_URL = Pattern.compile("(?:jdbc:)?postgresql://([a-z0-9-]+)-rw:5432/(\\w+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    /**
     * The metrics the alerts and the dashboard may use, as Prometheus names them: the kit's outbox and consumer
     * gauges and counter, production-service's blocked backlog (BlockedBuildsGauge) and the Kafka client's consumer
     * lag (Quarkus Micrometer's Kafka binder). Kept here because this module cannot load the services' classes;
     * production-service's MetricsTest checks the last two at /q/metrics.
     */
    private static final Set<String> METRICS = Set.of("outbox_pending_events", "outbox_oldest_pending_age_seconds",
            "outbox_parked_events", "consumer_retrying", "consumer_dead_lettered_total",
            "kafka_consumer_fetch_manager_records_lag_max", "production_blocked_builds");
    /** The alerts, each with a section of docs/architecture.md that says what to do. */
    private static final Set<String> ALERTS = Set.of("OutboxBacklog", "OutboxParked", "ConsumerRetrying", "DeadLetters",
            "ConsumerLag", "BlockedBacklog");
    private static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");

    /** The rendered objects of one overlay, typed. */
    private static final class Rendered {
        final List<V1Namespace> namespaces = new ArrayList<>();
        final List<V1Deployment> deployments = new ArrayList<>();
        final List<V1Service> services = new ArrayList<>();
        final List<V1ConfigMap> configMaps = new ArrayList<>();
        final List<V1Secret> secrets = new ArrayList<>();
        final List<V1ServiceAccount> serviceAccounts = new ArrayList<>();
        final List<V1PodDisruptionBudget> budgets = new ArrayList<>();
        final List<V2HorizontalPodAutoscaler> autoscalers = new ArrayList<>();
        final List<V1NetworkPolicy> networkPolicies = new ArrayList<>();
        final List<V1Ingress> ingresses = new ArrayList<>();
        final List<Kafka> kafkas = new ArrayList<>();
        final List<KafkaNodePool> nodePools = new ArrayList<>();
        final List<KafkaTopic> topics = new ArrayList<>();
        final List<KafkaUser> kafkaUsers = new ArrayList<>();
        final List<OperatorResources.Cluster> databases = new ArrayList<>();
        final List<OperatorResources.Keycloak> keycloaks = new ArrayList<>();
        final List<OperatorResources.KeycloakRealmImport> realmImports = new ArrayList<>();
        final List<OperatorResources.PodMonitor> podMonitors = new ArrayList<>();
        final List<OperatorResources.PrometheusRule> prometheusRules = new ArrayList<>();

        String kafkaName() {
            return kafkas.get(0).getMetadata().getName();
        }

        OperatorResources.Cluster database(String name) {
            return databases.stream().filter(c -> c.metadata().name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no CloudNativePG Cluster " + name));
        }
    }

    /** The base's service manifests are the ones quarkus-kubernetes generates, not a hand-kept copy. */
    @ParameterizedTest
    @ValueSource(strings = {"order-service", "production-service", "logistics-service", "supplier-service", CONTROL_TOWER})
    void theBaseHoldsWhatQuarkusGeneratesForEachService(String service) throws IOException {
        Path generated = Path.of("..", service, "target", "kubernetes", "kubernetes.yml");
        assumeTrue(Files.exists(generated), generated + " is not built: build the service to compare its manifest");
        // In a working copy a service may have been built before the settings changed (the reactor build always
        // generates afresh): comparing with that would blame the committed copy for a stale build.
        for (Path setting : List.of(Path.of("..", "service-kit", "src", "main", "resources", "META-INF", "microprofile-config.properties"),
                Path.of("..", service, "src", "main", "resources", "application.properties"), Path.of("..", "pom.xml"))) {
            assumeTrue(Files.getLastModifiedTime(generated).compareTo(Files.getLastModifiedTime(setting)) >= 0,
                    generated + " is older than " + setting + ": build the service again to compare its manifest");
        }
        // Compared as objects: the generator does not keep the order of labels from one build to the next.
        assertThat(documents(Files.readString(Path.of("base", "services", service + ".yaml"))))
                .as("k8s/base/services/%s.yaml differs from the generated manifest: run k8s/sync-generated.sh", service)
                .isEqualTo(documents(Files.readString(generated)));
    }

    /** Read as it is committed, without kubectl: the KeycloakRealmImport embeds the realm file of the local run. */
    @Test
    void theRealmImportEmbedsTheRealmFileTheLocalRunImports() throws IOException {
        List<JsonNode> objects = documents(Files.readString(Path.of("base", "keycloak", "realm-import.yaml")));

        assertThat(objects).singleElement().satisfies(object -> assertThat(
                STRICT.treeToValue(object, OperatorResources.KeycloakRealmImport.class).spec().realm())
                .as("k8s/base/keycloak/realm-import.yaml differs from %s: run k8s/sync-generated.sh", REALM)
                .isEqualTo(STRICT.readTree(REALM.toFile())));
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        try (var parser = YAML.getFactory().createParser(yaml)) {
            return YAML.readValues(parser, JsonNode.class).readAll();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyOverlayRendersIntoValidObjectsThatReferToEachOther(String overlay) throws Exception {
        Rendered rendered = render(overlay);

        assertThat(rendered.deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
        for (V1Deployment deployment : rendered.deployments) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(rendered.serviceAccounts).as("service account of %s", name)
                    .filteredOn(a -> a.getMetadata().getName().equals(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()))
                    .singleElement().satisfies(account -> assertThat(account.getAutomountServiceAccountToken()).isFalse());
            Map<String, String> podAnnotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(podAnnotations).containsEntry("prometheus.io/scrape", "true");
            for (V1Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                assertThat(container.getImage()).as("image of %s", container.getName()).startsWith("ghcr.io/busan-ev/");
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
                assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
                // One port: the one the container listens on is the one probed, scraped and served.
                int http = httpPort(container);
                assertThat(List.of(container.getLivenessProbe().getHttpGet().getPort(), container.getReadinessProbe().getHttpGet().getPort(),
                        container.getStartupProbe().getHttpGet().getPort())).as("probe ports of %s", name)
                        .allSatisfy(port -> assertThat(resolve(port, container)).isEqualTo(http));
                assertThat(podAnnotations.get("prometheus.io/port")).as("scraped port of %s", name).isEqualTo(String.valueOf(http));
                container.getEnvFrom().forEach(from -> assertThat(names(rendered.configMaps))
                        .as("ConfigMap of %s", container.getName()).contains(from.getConfigMapRef().getName()));
                for (V1EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        V1SecretKeySelector ref = env.getValueFrom().getSecretKeyRef();
                        assertThat(providedSecrets(rendered)).as("Secret of %s in %s", env.getName(), name).containsKey(ref.getName());
                        assertThat(providedSecrets(rendered).get(ref.getName())).as("key of Secret %s read into %s", ref.getName(), env.getName())
                                .contains(ref.getKey());
                    }
                }
            }
            if (overlay.equals("production")) {
                assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                        .as("replicas of %s spread over nodes", name)
                        .singleElement().satisfies(spread -> assertThat(spread.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
            } else {
                assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
            }
        }

        for (V1Service service : rendered.services) {
            String name = service.getMetadata().getName();
            V1Deployment selected = rendered.deployments.stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet()))
                    .findFirst().orElseThrow(() -> new AssertionError("Service " + name + " selects no pods"));
            V1Container container = selected.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(service.getSpec().getPorts()).as("target ports of Service %s", name)
                    .allSatisfy(port -> assertThat(resolve(port.getTargetPort(), container)).isEqualTo(httpPort(container)));
            assertThat(service.getMetadata().getAnnotations()).containsEntry("prometheus.io/port", String.valueOf(httpPort(container)));
        }

        Set<String> topics = new HashSet<>();
        rendered.topics.forEach(t -> topics.add(t.getSpec().getTopicName()));
        Set<String> contractTopics = Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet());
        assertThat(PRODUCED.values()).containsExactlyInAnyOrderElementsOf(contractTopics);
        Set<String> expectedTopics = new HashSet<>(contractTopics);
        for (String service : SERVICES) {
            expectedTopics.addAll(KafkaAccess.of(service).deadLetters());
        }
        assertThat(topics).as("KafkaTopics: the contract's topics and a dead-letter topic per consumer group").isEqualTo(expectedTopics);
        for (V1Deployment deployment : services(rendered)) {
            String service = deployment.getMetadata().getName();
            KafkaAccess access = KafkaAccess.of(service);
            assertThat(contractTopics).as("topics %s follows", service).containsAll(access.consumed());
            Set<String> needed = access.grants();
            assertThat(rendered.kafkaUsers).as("KafkaUser of %s", service).filteredOn(u -> u.getMetadata().getName().equals(service))
                    .singleElement().satisfies(user -> assertThat(grants(user)).as("ACLs of %s", service).isEqualTo(needed));
            assertThat(secretReferences(deployment)).as("Kafka credentials of %s", service)
                    .contains(service, rendered.kafkaName() + "-cluster-ca-cert");
        }
        Set<String> serviceConfigs = services(rendered).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .flatMap(c -> c.getEnvFrom().stream()).map(from -> from.getConfigMapRef().getName()).collect(Collectors.toSet());
        for (V1ConfigMap config : rendered.configMaps.stream().filter(c -> serviceConfigs.contains(c.getMetadata().getName())).toList()) {
            Map<String, String> data = config.getData();
            assertThat(data.get("KAFKA_BOOTSTRAP_SERVERS")).startsWith(rendered.kafkaName() + "-kafka-bootstrap:");
            // Both datasource URLs name a Cluster of the manifests (through its read-write Service) and its database.
            for (String url : List.of(data.get("QUARKUS_DATASOURCE_JDBC_URL"), data.get("QUARKUS_DATASOURCE_REACTIVE_URL"))) {
                Matcher database = DATABASE_URL.matcher(url);
                assertThat(database.matches()).as("%s is a URL of a CloudNativePG cluster's rw Service", url).isTrue();
                assertThat(rendered.database(database.group(1)).spec().bootstrap().initdb().database()).as("database of %s", url)
                        .isEqualTo(database.group(2));
            }
            // A service's database is written hard: checkpoints far apart, and WAL on a volume with room for them.
            Matcher own = DATABASE_URL.matcher(data.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertThat(own.matches()).isTrue();
            OperatorResources.ClusterSpec database = rendered.database(own.group(1)).spec();
            assertThat(database.postgresql().parameters()).as("parameters of %s", own.group(1))
                    .containsKeys("shared_buffers", "max_wal_size", "checkpoint_timeout");
            assertThat(gibibytes(database.walStorage().size())).as("WAL volume of %s", own.group(1))
                    .isGreaterThan(gibibytes(database.postgresql().parameters().get("max_wal_size")));
            // The Service the Keycloak operator creates for the Keycloak in the manifests (<name>-service, HTTP 8080).
            assertThat(data.get("QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo("http://%s-service:8080/realms/ev-partnership",
                    rendered.keycloaks.get(0).metadata().name());
        }
        assertControlTowerReachesTheServicesAndKeycloak(rendered);
        assertThat(rendered.topics).allSatisfy(t -> assertThat(t.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", rendered.kafkaName()));
        assertThat(rendered.nodePools).allSatisfy(p -> assertThat(p.getSpec().getRoles())
                .contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER));

        assertThat(rendered.realmImports).singleElement().satisfies(realmImport ->
                assertThat(realmImport.spec().keycloakCRName()).isIn(rendered.keycloaks.stream().map(k -> k.metadata().name()).toList()));
        for (OperatorResources.Keycloak keycloak : rendered.keycloaks) {
            OperatorResources.KeycloakDb db = keycloak.spec().db();
            for (OperatorResources.SecretKey secret : List.of(db.usernameSecret(), db.passwordSecret())) {
                assertThat(providedSecrets(rendered).get(secret.name())).as("Keycloak's database Secret %s", secret.name()).contains(secret.key());
            }
            assertThat(rendered.database(db.host().replaceAll("-rw$", "")).spec().bootstrap().initdb().database()).isEqualTo(db.database());
        }

        for (V2HorizontalPodAutoscaler autoscaler : rendered.autoscalers) {
            assertThat(names(rendered.deployments)).contains(autoscaler.getSpec().getScaleTargetRef().getName());
        }
        for (V1PodDisruptionBudget budget : rendered.budgets) {
            assertThat(selectsADeployment(rendered, budget.getSpec().getSelector().getMatchLabels())).isTrue();
        }
        for (V1NetworkPolicy policy : rendered.networkPolicies) {
            assertThat(selectsADeployment(rendered, policy.getSpec().getPodSelector().getMatchLabels())).isTrue();
            assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
            // Of the databases, a service reaches only its own: the one its datasource URL names; the tower none.
            String service = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            List<String> ownDatabase = rendered.configMaps.stream().filter(c -> c.getMetadata().getName().equals(service + "-config"))
                    .map(c -> c.getData().get("QUARKUS_DATASOURCE_JDBC_URL")).filter(Objects::nonNull)
                    .map(url -> DATABASE_URL.matcher(url).replaceAll("$1")).toList();
            assertThat(ownDatabase).as("databases of %s", service).hasSize(service.equals(CONTROL_TOWER) ? 0 : 1);
            assertThat(policy.getSpec().getEgress()).flatExtracting(rule -> rule.getTo() == null ? List.of() : rule.getTo())
                    .filteredOn(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null
                            && peer.getPodSelector().getMatchLabels().containsKey("cnpg.io/cluster"))
                    .extracting(peer -> peer.getPodSelector().getMatchLabels().get("cnpg.io/cluster"))
                    .as("databases %s may reach", service).containsExactlyElementsOf(ownDatabase);
        }
        for (V1Ingress ingress : rendered.ingresses) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                String backend = path.getBackend().getService().getName();
                assertThat(rendered.services).as("Service %s of %s", backend, path.getPath())
                        .filteredOn(s -> s.getMetadata().getName().equals(backend)).singleElement()
                        .satisfies(s -> assertThat(s.getSpec().getPorts()).extracting(V1ServicePort::getName)
                                .as("ports of Service %s", backend).contains(path.getBackend().getService().getPort().getName()));
            }));
        }
        if (overlay.equals("production")) {
            assertThat(rendered.budgets).hasSize(APPLICATIONS.size());
            assertThat(rendered.networkPolicies).hasSize(APPLICATIONS.size());
            assertThat(rendered.databases).allSatisfy(c -> assertThat(c.spec().instances()).isEqualTo(3));
        } else {
            assertThat(rendered.realmImports.get(0).spec().realm()).as("the demo realm of the local run, as it is")
                    .isEqualTo(STRICT.readTree(REALM.toFile()));
            // A laptop cluster rarely runs the Prometheus operator: without its CRDs, an apply would fail.
            assertThat(rendered.podMonitors).isEmpty();
            assertThat(rendered.prometheusRules).isEmpty();
        }
    }

    /** Every pod of the suite, and Keycloak's, passes the restricted Pod Security Standard both namespaces enforce. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyPodMeetsTheRestrictedPodSecurityStandardItsNamespaceEnforces(String overlay) throws Exception {
        Rendered rendered = render(overlay);

        assertThat(rendered.namespaces).singleElement().satisfies(namespace -> assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted"));
        rendered.deployments.forEach(d -> assertRestricted(d.getSpec().getTemplate().getSpec(), d.getMetadata().getName()));
        for (OperatorResources.Keycloak keycloak : rendered.keycloaks) {
            // Strict like every other Kubernetes object: the operator copies it into Keycloak's StatefulSet.
            V1PodTemplateSpec template = V1PodTemplateSpec.fromJson(keycloak.spec().unsupported().podTemplate().toString());
            assertRestricted(template.getSpec(), "Keycloak " + keycloak.metadata().name());
        }
    }

    private static void assertRestricted(V1PodSpec pod, String what) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s runs as non-root", what).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile()).as("seccomp profile of %s", what).isNotNull()
                .extracting(V1SeccompProfile::getType).isEqualTo("RuntimeDefault");
        assertThat(pod.getContainers()).as("containers of %s", what).allSatisfy(container -> {
            assertThat(container.getSecurityContext()).as("security context of %s in %s", container.getName(), what).isNotNull();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        });
    }

    /** Production: release images, as many replicas as the autoscalers say (two or more), never a moving tag. */
    @Test
    void productionRunsReleaseImagesScaledByItsAutoscalers() throws Exception {
        Rendered rendered = render("production");

        assertThat(rendered.deployments).hasSize(APPLICATIONS.size()).allSatisfy(deployment -> {
            String name = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getReplicas()).as("replicas of %s, which its autoscaler owns", name).isNull();
            assertThat(rendered.autoscalers).filteredOn(a -> a.getSpec().getScaleTargetRef().getName().equals(name))
                    .as("autoscaler of %s", name).singleElement()
                    .satisfies(autoscaler -> assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2));
            String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            assertThat(image).as("image of %s", name).matches("ghcr\\.io/busan-ev/" + name + ":[^:/]+");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as("tag of %s", image).isNotEqualTo("latest").doesNotContainIgnoringCase("SNAPSHOT");
        });
    }

    /** Production Keycloak: public only behind the ingress controller, with TLS from a cert-manager certificate. */
    @Test
    void productionServesKeycloakOverTls() throws Exception {
        Rendered rendered = render("production");

        assertThat(rendered.keycloaks).singleElement().satisfies(keycloak -> {
            assertThat(keycloak.spec().hostname().hostname()).startsWith("https://");
            OperatorResources.Ingress ingress = keycloak.spec().ingress();
            assertThat(ingress.enabled()).isTrue();
            assertThat(ingress.className()).isEqualTo("nginx");
            assertThat(ingress.tlsSecret()).isNotBlank();
            assertThat(ingress.annotations()).containsKey("cert-manager.io/cluster-issuer");
        });
    }

    /**
     * Production imports the realm without the local run's demo: no people (their passwords are their user names),
     * no public client for the password grant, and every client secret read from a Secret, not the realm file.
     */
    @Test
    void productionImportsTheRealmWithoutDemoUsersAndWithClientSecretsFromASecret() throws Exception {
        OperatorResources.RealmImportSpec spec = render("production").realmImports.get(0).spec();
        JsonNode realm = spec.realm();
        JsonNode file = STRICT.readTree(REALM.toFile());

        assertThat(realm.get("users")).as("users: only the client-credentials clients' service accounts").isNotEmpty()
                .allSatisfy(user -> {
                    assertThat(user.has("serviceAccountClientId")).as("%s is a service account", user.get("username")).isTrue();
                    assertThat(user.has("credentials")).as("credentials of %s", user.get("username")).isFalse();
                });
        assertThat(realm.get("clients")).allSatisfy(client -> {
            String clientId = client.get("clientId").asText();
            assertThat(client.get("publicClient").asBoolean()).as("%s is public", clientId).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as("%s takes passwords", clientId).isFalse();
            Matcher placeholder = PLACEHOLDER.matcher(client.get("secret").asText());
            assertThat(placeholder.matches()).as("secret of %s is a placeholder", clientId).isTrue();
            assertThat(spec.placeholders()).as("placeholder of %s's secret", clientId)
                    .containsEntry(placeholder.group(1), new OperatorResources.Placeholder(new OperatorResources.SecretKey(CLIENT_SECRETS, clientId)));
        });
        // The control tower's sign-in returns to its public host over TLS only, never to a local port.
        assertThat(client(realm, CONTROL_TOWER).get("redirectUris")).isNotEmpty()
                .allSatisfy(uri -> assertThat(uri.asText()).startsWith("https://"));
        // Apart from that, the realm file as it is: the same roles, clients, mappers and settings.
        assertThat(withoutSecrets(realm)).isEqualTo(withoutSecrets(productionCut(file)));
    }

    /** The realm file without its people and its public password-grant client. */
    private static JsonNode productionCut(JsonNode file) {
        ObjectNode realm = file.deepCopy();
        ArrayNode users = realm.putArray("users");
        file.get("users").forEach(user -> {
            if (user.has("serviceAccountClientId")) {
                users.add(user);
            }
        });
        ArrayNode clients = realm.putArray("clients");
        file.get("clients").forEach(client -> {
            if (!client.get("publicClient").asBoolean()) {
                clients.add(client);
            }
        });
        return realm;
    }

    /** Without the client secrets and the control tower's redirect URIs, which production sets apart. */
    private static JsonNode withoutSecrets(JsonNode realm) {
        ObjectNode copy = realm.deepCopy();
        copy.get("clients").forEach(client -> ((ObjectNode) client).remove("secret"));
        ((ObjectNode) client(copy, CONTROL_TOWER)).remove("redirectUris");
        return copy;
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm");
    }

    /** The Deployments of the four services, which own a database and use Kafka. */
    private static List<V1Deployment> services(Rendered rendered) {
        return rendered.deployments.stream().filter(d -> SERVICES.contains(d.getMetadata().getName())).toList();
    }

    /**
     * The control tower's configuration names the Services of the manifests (and their port) for the four APIs, and
     * the Keycloak the services trust; its client secret is the one the realm import gives the control-tower client.
     */
    private static void assertControlTowerReachesTheServicesAndKeycloak(Rendered rendered) {
        V1Deployment tower = rendered.deployments.stream().filter(d -> d.getMetadata().getName().equals(CONTROL_TOWER))
                .findFirst().orElseThrow();
        V1Container container = tower.getSpec().getTemplate().getSpec().getContainers().get(0);
        String configName = container.getEnvFrom().get(0).getConfigMapRef().getName();
        Map<String, String> config = rendered.configMaps.stream().filter(c -> c.getMetadata().getName().equals(configName))
                .findFirst().orElseThrow().getData();
        for (String service : SERVICES) {
            String url = config.get("QUARKUS_REST_CLIENT_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL");
            V1Service target = rendered.services.stream().filter(s -> s.getMetadata().getName().equals(service)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Service " + service));
            assertThat(url).as("URL of %s in the tower's configuration", service)
                    .isEqualTo("http://" + service + ":" + target.getSpec().getPorts().get(0).getPort());
        }
        assertThat(config.get("QUARKUS_OIDC_AUTH_SERVER_URL")).isEqualTo("http://%s-service:8080/realms/ev-partnership",
                rendered.keycloaks.get(0).metadata().name());
        assertThat(container.getEnv()).filteredOn(env -> env.getName().equals("QUARKUS_OIDC_CREDENTIALS_SECRET")).singleElement()
                .satisfies(env -> assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(CLIENT_SECRETS))
                .satisfies(env -> assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(CONTROL_TOWER));
    }

    /**
     * Production is monitored (k8s/components/monitoring): Prometheus scrapes every service, each alert says how
     * severe it is, what happened and where the runbook is, and the alerts and the dashboard use only the metrics
     * the services export.
     */
    @Test
    void productionIsScrapedAlertedOnAndHasADashboard() throws Exception {
        Rendered rendered = render("production");

        assertThat(rendered.podMonitors).singleElement().satisfies(monitor -> {
            assertThat(rendered.deployments).as("Deployments whose pods %s scrapes", monitor.metadata().name())
                    .filteredOn(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(monitor.spec().selector().matchLabels().entrySet()))
                    .hasSize(APPLICATIONS.size()).allSatisfy(deployment -> assertThat(monitor.spec().podMetricsEndpoints())
                            .singleElement().satisfies(endpoint -> {
                                V1Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
                                assertThat(resolve(new IntOrString(endpoint.port()), container)).isEqualTo(httpPort(container));
                                assertThat(endpoint.path()).isEqualTo(
                                        deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/path"));
                            }));
        });

        Set<String> runbooks = headingAnchors(Files.readString(ARCHITECTURE));
        List<OperatorResources.Rule> alerts = rendered.prometheusRules.stream().flatMap(r -> r.spec().groups().stream())
                .flatMap(g -> g.rules().stream()).toList();
        assertThat(alerts).extracting(OperatorResources.Rule::alert).containsExactlyInAnyOrderElementsOf(ALERTS);
        for (OperatorResources.Rule alert : alerts) {
            assertThat(alert.labels()).as("labels of %s", alert.alert()).containsKey("severity");
            assertThat(alert.labels().get("severity")).as("severity of %s", alert.alert()).isIn("warning", "critical");
            assertThat(alert.annotations()).as("annotations of %s", alert.alert()).containsKeys("summary", "description", "runbook_url");
            assertThat(alert.annotations().get("runbook_url")).as("runbook of %s", alert.alert())
                    .isEqualTo("docs/architecture.md#" + alert.alert().toLowerCase());
            assertThat(runbooks).as("sections of docs/architecture.md").contains(alert.alert().toLowerCase());
            assertThat(metricsIn(alert.expr())).as("metrics of %s: %s", alert.alert(), alert.expr()).isNotEmpty().isSubsetOf(METRICS);
        }

        assertThat(rendered.configMaps).filteredOn(c -> c.getMetadata().getLabels() != null
                && "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))).singleElement().satisfies(config -> {
            assertThat(config.getData()).hasSize(1);
            JsonNode dashboard = STRICT.readTree(config.getData().values().iterator().next());
            assertThat(dashboard.path("uid").asText()).isNotBlank();
            List<JsonNode> panels = new ArrayList<>();
            dashboard.get("panels").forEach(panel -> {
                panels.add(panel);
                panel.path("panels").forEach(panels::add);
            });
            assertThat(panels).extracting(panel -> panel.get("id").asInt()).doesNotHaveDuplicates();
            Set<String> charted = new HashSet<>();
            for (JsonNode panel : panels) {
                for (JsonNode target : panel.path("targets")) {
                    Set<String> used = metricsIn(target.get("expr").asText());
                    assertThat(used).as("metrics of panel %s", panel.get("title")).isNotEmpty().isSubsetOf(METRICS);
                    charted.addAll(used);
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                Matcher labelValues = Pattern.compile("label_values\\((\\w+),").matcher(variable.path("query").path("query").asText());
                if (labelValues.find()) {
                    assertThat(METRICS).as("metric of variable %s", variable.get("name")).contains(labelValues.group(1));
                }
            }
            assertThat(charted).as("metrics the dashboard charts: every one the alerts may use").isEqualTo(METRICS);
        });
    }

    /**
     * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges and label lists
     * are gone, less functions (a name before a parenthesis) and keywords.
     */
    private static Set<String> metricsIn(String expr) {
        String names = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> metrics = new HashSet<>();
        Matcher name = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][\\w:]*+(?!\\s*\\()").matcher(names);
        while (name.find()) {
            if (!Set.of("and", "or", "unless", "bool", "offset", "inf", "nan").contains(name.group().toLowerCase())) {
                metrics.add(name.group());
            }
        }
        return metrics;
    }

    /** The anchors GitHub gives the headings of a Markdown file. */
    private static Set<String> headingAnchors(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    /** The heap's share of the memory limit that run-java gives a JVM when JAVA_MAX_MEM_RATIO is unset. */
    private static final int RUN_JAVA_HEAP_PERCENT = 80;
    /** What a service's JVM holds besides its heap: ~225 MiB measured in the flow (docs/benchmarks, memory). */
    private static final BigDecimal JVM_BESIDES_HEAP = BigDecimal.valueOf(256L * 1024 * 1024);

    /**
     * The JVM component (k8s/components/jvm) on the local overlay: JVM images of this version, sized for a JVM, the
     * heap a share of the limit that leaves the JVM's other memory room.
     */
    @Test
    void theJvmComponentRunsJvmImagesWithJvmSizedResources() throws Exception {
        String version = System.getProperty("project.version");
        assertThat(version).as("project.version, set by k8s/pom.xml's surefire configuration").isNotBlank();
        Rendered rendered = render(Path.of("src", "test", "resources", "jvm-local"));

        assertThat(rendered.deployments).hasSize(APPLICATIONS.size()).allSatisfy(deployment -> {
            V1Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).isEqualTo("ghcr.io/busan-ev/%s:%s-jvm", deployment.getMetadata().getName(), version);
            BigDecimal limit = container.getResources().getLimits().get("memory").getNumber();
            assertThat(limit).isGreaterThanOrEqualTo(BigDecimal.valueOf(512L * 1024 * 1024));
            int heapPercent = container.getEnv().stream().filter(env -> env.getName().equals("JAVA_MAX_MEM_RATIO"))
                    .map(env -> Integer.parseInt(env.getValue())).findFirst().orElse(RUN_JAVA_HEAP_PERCENT);
            assertThat(limit.multiply(BigDecimal.valueOf(100 - heapPercent)).divide(BigDecimal.valueOf(100)))
                    .as("%s: memory limit left besides the heap", deployment.getMetadata().getName())
                    .isGreaterThanOrEqualTo(JVM_BESIDES_HEAP);
        });
    }

    private static int httpPort(V1Container container) {
        return container.getPorts().stream().filter(p -> "http".equals(p.getName())).map(V1ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("container " + container.getName() + " has no port named http"));
    }

    /** A port by number, or by the name of one of the container's ports. */
    private static int resolve(IntOrString port, V1Container container) {
        if (port.isInteger()) {
            return port.getIntValue();
        }
        return container.getPorts().stream().filter(p -> port.getStrValue().equals(p.getName())).map(V1ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("container " + container.getName() + " has no port " + port.getStrValue()));
    }

    private static Rendered render(String overlay) throws IOException, InterruptedException {
        return render(Path.of("overlays", overlay));
    }

    private static Rendered render(Path kustomization) throws IOException, InterruptedException {
        assumeTrue(kubectlAvailable(), "kubectl (with Kustomize) is not installed: the overlays were not rendered");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                .redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor()).as("kubectl kustomize %s:%n%s", kustomization, output).isZero();

        Rendered rendered = new Rendered();
        for (JsonNode object : documents(output)) {
            read(object, rendered);
        }
        return rendered;
    }

    /** Reads one object into its strict model; an unknown kind is an error too. */
    private static void read(JsonNode object, Rendered rendered) throws IOException {
        String json = object.toString();
        String kind = object.get("kind").asText();
        switch (kind) {
            case "Namespace" -> rendered.namespaces.add(V1Namespace.fromJson(json));
            case "ServiceAccount" -> rendered.serviceAccounts.add(V1ServiceAccount.fromJson(json));
            case "ConfigMap" -> rendered.configMaps.add(V1ConfigMap.fromJson(json));
            case "Secret" -> rendered.secrets.add(V1Secret.fromJson(json));
            case "Service" -> rendered.services.add(V1Service.fromJson(json));
            case "Deployment" -> rendered.deployments.add(V1Deployment.fromJson(json));
            case "PodDisruptionBudget" -> rendered.budgets.add(V1PodDisruptionBudget.fromJson(json));
            case "HorizontalPodAutoscaler" -> rendered.autoscalers.add(V2HorizontalPodAutoscaler.fromJson(json));
            case "NetworkPolicy" -> rendered.networkPolicies.add(V1NetworkPolicy.fromJson(json));
            case "Ingress" -> rendered.ingresses.add(V1Ingress.fromJson(json));
            case "Kafka" -> rendered.kafkas.add(strimzi(object, Kafka.class));
            case "KafkaNodePool" -> rendered.nodePools.add(strimzi(object, KafkaNodePool.class));
            case "KafkaTopic" -> rendered.topics.add(strimzi(object, KafkaTopic.class));
            case "KafkaUser" -> rendered.kafkaUsers.add(strimzi(object, KafkaUser.class));
            case "Cluster" -> rendered.databases.add(STRICT.treeToValue(object, OperatorResources.Cluster.class));
            case "Keycloak" -> rendered.keycloaks.add(STRICT.treeToValue(object, OperatorResources.Keycloak.class));
            case "KeycloakRealmImport" -> rendered.realmImports.add(STRICT.treeToValue(object, OperatorResources.KeycloakRealmImport.class));
            case "PodMonitor" -> rendered.podMonitors.add(STRICT.treeToValue(object, OperatorResources.PodMonitor.class));
            case "PrometheusRule" -> rendered.prometheusRules.add(STRICT.treeToValue(object, OperatorResources.PrometheusRule.class));
            default -> throw new AssertionError("no model for kind " + kind + ": add one before adding the object");
        }
    }

    /**
     * Reads a Strimzi resource into Strimzi's own API model. Those models keep fields they do not know in
     * {@code additionalProperties} instead of failing, so every nested model's must be empty.
     */
    private static <T> T strimzi(JsonNode object, Class<T> type) throws IOException {
        T model = JsonMapper.builder().build().treeToValue(object, type);
        assertNoUnknownFields(model, type.getSimpleName(), 0);
        return model;
    }

    private static void assertNoUnknownFields(Object model, String path, int depth) {
        if (model == null || depth > 12) {
            return;
        }
        if (model instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                assertNoUnknownFields(item, path + "[" + i++ + "]", depth + 1);
            }
            return;
        }
        String pkg = model.getClass().getPackageName();
        if (!pkg.startsWith("io.strimzi") && !pkg.startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(model);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) value).as("fields the %s model does not know at %s", pkg, path).isNullOrEmpty();
            } else if (!(value instanceof Map<?, ?>)) {
                assertNoUnknownFields(value, path + "." + getter.getName(), depth + 1);
            }
        }
    }

    /**
     * What a service's Kafka channels need, read from its application.properties: per incoming channel the topics
     * ({@code topic}, {@code topics} or the channel's name), the consumer group ({@code group.id}, else the service's
     * name) and the dead-letter topic ({@code dead-letter-queue.topic}, else {@code <service>.dlq}); and the groups of
     * other services whose lag it reads ({@value #WATCHED_GROUPS}, order-service's intake admission).
     */
    private record KafkaAccess(String service, Map<String, Set<String>> topicsByGroup, Set<String> deadLetters,
            Set<String> watched) {
        static final String WATCHED_GROUPS = "order.admission.consumer-groups";

        static KafkaAccess of(String service) throws IOException {
            Properties config = new Properties();
            try (var in = Files.newBufferedReader(Path.of("..", service, "src", "main", "resources", "application.properties"))) {
                config.load(in);
            }
            Map<String, Set<String>> topicsByGroup = new HashMap<>();
            Set<String> deadLetters = new HashSet<>(Set.of(Topics.deadLetter(service)));
            for (String key : config.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".connector")) {
                    String channel = key.substring(0, key.length() - ".connector".length());
                    String topics = config.getProperty(channel + ".topics", config.getProperty(channel + ".topic",
                            channel.substring("mp.messaging.incoming.".length())));
                    topicsByGroup.computeIfAbsent(config.getProperty(channel + ".group.id", service), group -> new HashSet<>())
                            .addAll(Arrays.asList(topics.split(",")));
                    deadLetters.add(config.getProperty(channel + ".dead-letter-queue.topic", Topics.deadLetter(service)));
                }
            }
            assertThat(topicsByGroup).as("topics %s follows", service).isNotEmpty();
            Set<String> watched = new HashSet<>(Arrays.asList(config.getProperty(WATCHED_GROUPS, "").split(",")));
            watched.remove("");
            watched.removeAll(topicsByGroup.keySet());
            return new KafkaAccess(service, topicsByGroup, deadLetters, watched);
        }

        Set<String> consumed() {
            Set<String> consumed = new HashSet<>();
            topicsByGroup.values().forEach(consumed::addAll);
            return consumed;
        }

        /**
         * Exactly the grants it needs, as "type:name:operation": a watched group of another service (named as the
         * service) needs Describe on the group and on the topics it follows, to read its offsets and their ends.
         */
        Set<String> grants() throws IOException {
            Set<String> grants = new HashSet<>();
            Set<String> written = new HashSet<>(deadLetters);
            written.add(PRODUCED.get(service));
            for (String topic : written) {
                grants.add("topic:" + topic + ":Describe");
                grants.add("topic:" + topic + ":Write");
            }
            consumed().forEach(topic -> {
                grants.add("topic:" + topic + ":Describe");
                grants.add("topic:" + topic + ":Read");
            });
            topicsByGroup.keySet().forEach(group -> grants.add("group:" + group + ":Read"));
            for (String group : watched) {
                grants.add("group:" + group + ":Describe");
                KafkaAccess.of(group).topicsByGroup().get(group).forEach(topic -> grants.add("topic:" + topic + ":Describe"));
            }
            return grants;
        }
    }

    private static Set<String> grants(KafkaUser user) {
        Set<String> grants = new HashSet<>();
        ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls().forEach(rule -> {
            String resource = rule.getResource() instanceof AclRuleTopicResource topic ? "topic:" + topic.getName()
                    : rule.getResource() instanceof AclRuleGroupResource group ? "group:" + group.getName()
                    : rule.getResource().getType() + ":" + rule.getResource();
            for (AclOperation operation : rule.getOperations()) {
                grants.add(resource + ":" + operation.toValue());
            }
        });
        return grants;
    }

    private static Set<String> secretReferences(V1Deployment deployment) {
        Set<String> secrets = new HashSet<>();
        deployment.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.getEnv().stream()
                .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .forEach(env -> secrets.add(env.getValueFrom().getSecretKeyRef().getName())));
        return secrets;
    }

    /**
     * Secrets that exist once applied, with their keys: none is in the manifests; the operators create them,
     * CloudNativePG for each cluster ({@code <cluster>-app}), Strimzi for each KafkaUser (its name) and for the
     * cluster CA ({@code <kafka>-cluster-ca-cert}), each with the keys its project documents.
     */
    private static Map<String, Set<String>> providedSecrets(Rendered rendered) {
        Map<String, Set<String>> secrets = new HashMap<>();
        rendered.databases.forEach(c -> secrets.put(c.metadata().name() + "-app", CNPG_APP_SECRET_KEYS));
        rendered.kafkaUsers.forEach(u -> secrets.put(u.getMetadata().getName(), STRIMZI_USER_SECRET_KEYS));
        rendered.kafkas.forEach(k -> secrets.put(k.getMetadata().getName() + "-cluster-ca-cert", STRIMZI_CLUSTER_CA_CERT_KEYS));
        rendered.secrets.forEach(secret -> secrets.put(secret.getMetadata().getName(), secret.getData().keySet()));
        // The confidential clients' secrets: generated by the local overlay with the demo realm's development secret,
        // created by the operator in production (docs/deploy.md).
        secrets.putIfAbsent(CLIENT_SECRETS, Set.of(CONTROL_TOWER));
        return secrets;
    }

    /** A size in GiB, as Kubernetes ("10Gi") or PostgreSQL ("8GB": PostgreSQL's GB are GiB) writes it. */
    private static double gibibytes(String size) {
        Matcher quantity = Pattern.compile("(\\d+)(Mi|Gi|MB|GB)").matcher(size);
        assertThat(quantity.matches()).as("size %s", size).isTrue();
        double number = Double.parseDouble(quantity.group(1));
        return quantity.group(2).startsWith("G") ? number : number / 1024;
    }

    private static boolean selectsADeployment(Rendered rendered, Map<String, String> selector) {
        return rendered.deployments.stream().anyMatch(d -> d.getSpec().getTemplate().getMetadata().getLabels()
                .entrySet().containsAll(selector.entrySet()));
    }

    private static List<String> names(List<?> objects) {
        return objects.stream().map(o -> {
            if (o instanceof V1Deployment d) {
                return d.getMetadata().getName();
            }
            if (o instanceof V1ConfigMap c) {
                return c.getMetadata().getName();
            }
            return ((V1ServiceAccount) o).getMetadata().getName();
        }).toList();
    }

    private static boolean kubectlAvailable() {
        try {
            Process version = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
