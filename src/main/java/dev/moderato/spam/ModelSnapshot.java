package dev.moderato.spam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The model as bytes, so instances can share it (e.g. in a PostgreSQL {@code bytea}): a versioned header and the
 * prior's calibration, then the prior's and the site layer's regressions (only the features that hold anything: index
 * delta, weight and squared gradient), then the domain reputation, all deflated. Version 2 added the site layer; a
 * version 1 snapshot is refused (the engine then starts from the default model and relearns the decision log).
 * Version 3 is one site's layer alone ({@link #writeSite}): the site regression and the domain reputation, without
 * the prior every site shares (each instance trains that from the bundled corpus).
 */
final class ModelSnapshot {

	private static final int MAGIC = 0x4d535031; // "MSP1"

	private static final int VERSION = 2;

	/** A site's layer alone (its regression and domain reputation), on top of the engine's shared prior. */
	private static final int SITE_VERSION = 3;

	private ModelSnapshot() {
	}

	static byte[] write(Model model) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeInt(Features.BITS);
			out.writeBoolean(model.ownSite);
			out.writeDouble(model.classifier.calibration.scale());
			out.writeDouble(model.classifier.calibration.shift());
			writeRegression(out, model.classifier.regression);
			writeRegression(out, model.site);
			writeDomains(out, model);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** Bias, then only the features that hold anything (index delta, weight, squared gradient), then 0. */
	private static void writeRegression(DataOutputStream out, LogisticRegression lr) throws IOException {
		out.writeDouble(lr.bias[0]);
		out.writeDouble(lr.bias[1]);
		int previous = -1;
		for (int f = 0; f < Features.SIZE; f++) {
			if (lr.weights[f] != 0 || lr.squaredGradients[f] != 0) {
				out.writeInt(f - previous);
				out.writeFloat(lr.weights[f]);
				out.writeFloat(lr.squaredGradients[f]);
				previous = f;
			}
		}
		out.writeInt(0);
	}

	/** @return whether the regression holds anything */
	private static boolean readRegression(DataInputStream in, LogisticRegression lr) throws IOException {
		boolean any = false;
		lr.bias[0] = in.readDouble();
		lr.bias[1] = in.readDouble();
		int f = -1;
		for (int delta = in.readInt(); delta != 0; delta = in.readInt()) {
			f += delta;
			if (delta < 0 || f >= Features.SIZE) {
				throw new IllegalArgumentException("Corrupt spam model snapshot");
			}
			lr.weights[f] = in.readFloat();
			lr.squaredGradients[f] = in.readFloat();
			any = true;
		}
		return any || lr.bias[0] != 0;
	}

	static Model read(byte[] snapshot) {
		try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(snapshot)))) {
			if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != Features.BITS) {
				throw new IllegalArgumentException("Not a spam model snapshot of this version");
			}
			Model model = new Model();
			model.ownSite = in.readBoolean();
			model.classifier.calibration = new PlattScaling(in.readDouble(), in.readDouble());
			readRegression(in, model.classifier.regression);
			model.siteLearned = readRegression(in, model.site);
			readDomains(in, model);
			return model;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Unreadable spam model snapshot", ex);
		}
	}

	/** One site's layer: header, the site regression, the domain reputation. */
	static byte[] writeSite(Model model) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
			out.writeInt(MAGIC);
			out.writeInt(SITE_VERSION);
			out.writeInt(Features.BITS);
			writeRegression(out, model.site);
			writeDomains(out, model);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * A site's model: the template's prior and this site's layer, from a site snapshot or from a whole-model (version
	 * 2) one, of which only the site layer and the domain reputation are taken (the one model saved before sites).
	 * @throws IllegalArgumentException if the bytes are neither
	 */
	static Model readSite(Model template, byte[] snapshot) {
		try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(snapshot)))) {
			int magic = in.readInt();
			int version = in.readInt();
			if (magic != MAGIC || in.readInt() != Features.BITS || (version != SITE_VERSION && version != VERSION)) {
				throw new IllegalArgumentException("Not a site spam model snapshot of this version");
			}
			Model model = template.forNewSite();
			if (version == VERSION) {
				Model whole = read(snapshot);
				model.siteLearned = whole.siteLearned;
				System.arraycopy(whole.site.weights, 0, model.site.weights, 0, Features.SIZE);
				System.arraycopy(whole.site.squaredGradients, 0, model.site.squaredGradients, 0, Features.SIZE);
				System.arraycopy(whole.site.bias, 0, model.site.bias, 0, whole.site.bias.length);
				model.domains.counts.clear();
				model.domains.counts.putAll(whole.domains.counts);
				return model;
			}
			model.siteLearned = readRegression(in, model.site);
			model.domains.counts.clear();
			readDomains(in, model);
			return model;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Unreadable site spam model snapshot", ex);
		}
	}

	private static void writeDomains(DataOutputStream out, Model model) throws IOException {
		out.writeInt(model.domains.counts.size());
		for (Map.Entry<String, int[]> domain : model.domains.counts.entrySet()) {
			out.writeUTF(domain.getKey());
			out.writeInt(domain.getValue()[0]);
			out.writeInt(domain.getValue()[1]);
		}
	}

	private static void readDomains(DataInputStream in, Model model) throws IOException {
		int domains = in.readInt();
		if (domains < 0 || domains > DomainReputation.MAX_DOMAINS) {
			throw new IllegalArgumentException("Corrupt spam model snapshot");
		}
		for (int i = 0; i < domains; i++) {
			model.domains.counts.put(in.readUTF(), new int[] { in.readInt(), in.readInt() });
		}
	}

}
