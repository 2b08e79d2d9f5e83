package dev.moderato.spam;

import java.util.List;

/**
 * One named reason a comment may be spam. A signal reads the evidence and adds findings; it never does I/O.
 */
interface Signal {

	void inspect(Evidence evidence, List<Finding> findings);

}
